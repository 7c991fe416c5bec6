/**
 * The reply to a form asked for by its code ("mẫu CT01 là gì", "tờ khai TK01 đăng ký hộ chiếu"): the
 * papers of the one procedure the rest of the message names among those that use the form; else which
 * of them is meant, the form named as the records name it; else that no record's papers hold it.
 * @module
 */

import { expandQuery } from '../search/expand-query.ts'
import type { Answer } from './answer.types.ts'
import type { AnswerQuestionOptions } from './answer-question.ts'
import { answerWith } from './answer-with-procedure.ts'
import { composeClarify } from './compose-clarify.ts'
import { detectFacet } from './detect-facet.ts'
import { type FormUse, withoutFormAsked } from './find-form-code.ts'
import { HOTLINE, PORTAL } from './help-channels.ts'
import { builtInSynonyms } from './message-words.ts'

/** A procedure the rest of the message names leads the next one using the form by this much to be answered. */
const NAMED_MARGIN = 0.06

/**
 * The name most of the procedures give the form ("Tờ khai thay đổi thông tin cư trú"), a name of three
 * words or more before a bare "Tờ khai"; null when none names it.
 */
const commonForm = (uses: readonly FormUse[]): string | null => {
  const counts = new Map<string, number>()
  for (const u of uses) if (u.form) counts.set(u.form, (counts.get(u.form) ?? 0) + 1)
  const named = (form: string) => (form.split(/\s+/).length >= 3 ? 1 : 0)
  return [...counts].sort((a, b) => named(b[0]) - named(a[0]) || b[1] - a[1])[0]?.[0] ?? null
}

/**
 * @param options the question's options, the form's code as typed and the procedures whose papers hold it
 * @returns the papers of the procedure meant, a question between them, or not_found
 */
export const answerForm = async (
  options: AnswerQuestionOptions & { code: string; uses: readonly FormUse[] },
): Promise<Answer> => {
  const { code, uses, question, search, getProcedure } = options
  if (!uses.length)
    return {
      kind: 'not_found',
      text: `Không thủ tục nào trong dữ liệu thủ tục chính thức ở đây có mẫu ${code} trong hồ sơ. Bạn có thể nêu tên thủ tục cần làm, tra cứu tại ${PORTAL} hoặc gọi tổng đài ${HOTLINE}.`,
    }
  // The rest of the message may name the procedure ("tờ khai CT01 đăng ký tạm trú"): ranked by it,
  // then the shortest names (the general procedures before their special cases).
  const scores = new Map(search(withoutFormAsked(question), { limit: 20 }).map((r) => [r.code, r]))
  const ranked = [...uses].sort(
    (a, b) =>
      (scores.get(b.code)?.score ?? -1) - (scores.get(a.code)?.score ?? -1) || a.name.length - b.name.length,
  )
  // The part asked ("tờ khai CT01 nộp ở đâu"), else the papers, where the form is.
  const synonyms = options.synonyms ?? builtInSynonyms()
  const query = (options.expand ?? ((text: string) => expandQuery(text, synonyms)))(question)
  const asked = detectFacet({ text: query.tokens, synonyms, message: question })
  const facet = asked === 'overview' ? 'documents' : asked
  const [first] = ranked
  const best = first ? scores.get(first.code) : undefined
  // (the next one another procedure, not the same one at another level)
  const next = ranked.map((u) => scores.get(u.code)).find((r) => r && r.group !== best?.group)
  const named =
    first &&
    (uses.length === 1 || (best && best.coverage >= 0.5 && best.score - (next?.score ?? 0) >= NAMED_MARGIN))
  const answer = named ? await answerWith(getProcedure, first.code, facet) : null
  if (answer) return answer
  const form = commonForm(uses)
  const clarify = composeClarify({ options: ranked, facet, weak: false })
  const written = first?.formCode || code
  const lead = `Mẫu ${written}${form ? ` (${form})` : ''} có trong hồ sơ của ${uses.length} thủ tục. Bạn hỏi về thủ tục nào (trả lời số thứ tự)?`
  const more =
    uses.length > (clarify.candidates?.length ?? 0)
      ? `Nếu không phải các thủ tục trên, hãy nêu tên thủ tục cần làm.`
      : null
  const [, ...lines] = clarify.text.split('\n')
  return { ...clarify, text: [lead, ...lines, ...(more ? [more] : [])].join('\n') }
}
