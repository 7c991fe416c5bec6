/**
 * The answering core: classifies the message, follows the conversation (a follow-up like
 * "phí bao nhiêu?" stays on the last procedure, "2" picks from the last clarify list), finds
 * the procedure, and answers, asks which procedure was meant, or says it found nothing.
 * Places the question names (an old province, ward, a district) are looked up after the
 * answer is chosen and added as one note line and a `places` field; they never steer search.
 * @module
 */

import { builtInPlaceNotes, type PlaceNotes } from '../places/create-place-notes.ts'
import type { PlaceMention } from '../places/place.types.ts'
import type { Procedure } from '../procedures/procedure.types.ts'
import { expandQuery } from '../search/expand-query.ts'
import { loadSynonyms, type Synonyms } from '../search/load-synonyms.ts'
import type { SearchOptions, SearchResult } from '../search/search.types.ts'
import type { Answer, AnswerContext, Facet } from './answer.types.ts'
import { classifyMessage } from './classify-message.ts'
import { composeReply } from './compose-answer.ts'
import { detectFacet } from './detect-facet.ts'
import { renderReplyText } from './render-reply-text.ts'

export type AnswerQuestionOptions = {
  question: string
  context?: AnswerContext
  search: (query: string, options?: SearchOptions) => SearchResult[]
  getProcedure: (code: string) => Promise<Procedure | null>
  /** Defaults to the built-in dictionary. */
  synonyms?: Synonyms
  /** Place finder and note writer; defaults to the built-in administrative units. */
  places?: PlaceNotes
}

/** The places a question names, and the note line for them given the answered procedure's levels. */
type PlaceContext = { places: PlaceMention[]; note: (levels: readonly string[] | null) => string | null }

/** Below this share of the query's words found in the best name, nothing is a match. */
const MIN_COVERAGE = 0.5
const MIN_MATCHED_WEIGHT = 3
/** Distinct procedures scoring within this of the best one make the answer ambiguous. */
const CLARIFY_MARGIN = 0.06
const MAX_CANDIDATES = 5
/** Words that name no topic on their own: a message of only these is a follow-up. */
const GENERIC = new Set([
  'cap',
  'lai',
  'doi',
  'moi',
  'nop',
  'xin',
  'dang',
  'ki',
  'the',
  'giay',
  'to',
  'ho',
  'so',
  'nay',
  'do',
])

const NOT_FOUND_TEXT =
  'Xin lỗi, tôi chưa tìm thấy thủ tục hành chính phù hợp với câu hỏi này. ' +
  'Bạn có thể nói rõ tên thủ tục (ví dụ: "cấp lại thẻ căn cước", "đăng ký khai sinh"), ' +
  'tra cứu tại Cổng Dịch vụ công quốc gia https://dichvucong.gov.vn ' +
  'hoặc gọi tổng đài hỗ trợ Dịch vụ công 18001096.'

const NAME_IT =
  'Hãy nêu tên thủ tục (ví dụ: "cấp lại thẻ căn cước", "đăng ký khai sinh") hoặc mã thủ tục (ví dụ: 1.001193).'

const FACET_WORDS: Record<Facet, string> = {
  documents: 'giấy tờ, hồ sơ',
  fees: 'lệ phí',
  duration: 'thời hạn giải quyết',
  where: 'nơi nộp hồ sơ',
  online: 'cách nộp trực tuyến',
  steps: 'các bước thực hiện',
  requirements: 'điều kiện',
  legal: 'căn cứ pháp lý',
  result: 'kết quả',
  overview: 'thông tin',
}

const OUT_OF_SCOPE_TEXT =
  'Tôi là trợ lý về thủ tục hành chính công nên chưa trả lời được câu hỏi này. ' +
  'Bạn có thể hỏi về giấy tờ, lệ phí, thời hạn hay nơi nộp của một thủ tục, ví dụ "làm lại thẻ căn cước cần gì". ' +
  'Tra cứu thêm tại https://dichvucong.gov.vn.'

const SMALLTALK_TEXT =
  'Chào bạn, tôi là Trợ lý số. Tôi trả lời về thủ tục hành chính: hồ sơ cần gì, lệ phí, thời hạn, nộp ở đâu, ' +
  'có làm trực tuyến được không. Bạn cần làm thủ tục gì?'
const THANKS_TEXT = 'Không có gì ạ. Bạn cần hỏi thêm thủ tục nào cứ nhắn cho tôi.'

let defaultSynonyms: Synonyms | null = null
const builtInSynonyms = () => {
  defaultSynonyms ??= loadSynonyms()
  return defaultSynonyms
}

const refOf = (p: Procedure) => ({ code: p.code, name: p.name, url: p.url })

/** "2", "số 2", "cái thứ 2", "1.014064": a pick from the last clarify list, or null. */
const pickCandidate = (question: string, codes: string[]): string | null => {
  const t = question.normalize('NFC').toLocaleLowerCase('vi').trim()
  const code = /\d\.\d{6}/.exec(t)?.[0]
  if (code && codes.includes(code)) return code
  const n =
    /^(?:(?:số|so|cái|cai|thứ|thu|chọn|chon|lựa chọn|phương án)\s*)*(\d)\s*[.)!]?\s*(?:ạ|a|nhé|nhe)?$/.exec(t)
  if (n) return codes[Number(n[1]) - 1] ?? null
  const words = ['một', 'hai', 'ba', 'bốn', 'năm']
  const w = /^(?:(?:số|cái|thứ|chọn)\s*)+(một|hai|ba|bốn|năm)$/.exec(t)
  if (w?.[1]) return codes[words.indexOf(w[1])] ?? null
  return null
}

const answerWith = async (
  getProcedure: AnswerQuestionOptions['getProcedure'],
  code: string,
  facet: Facet,
  alternatives: { code: string; name: string }[] = [],
  place: PlaceContext | null = null,
): Promise<Answer | null> => {
  const procedure = await getProcedure(code)
  if (!procedure) return null
  const placeNote = place?.note(procedure.levels) ?? null
  const reply = composeReply({ procedure, facet, alternatives, placeNote })
  return {
    kind: 'answer',
    procedure: refOf(procedure),
    facet,
    ...(alternatives.length ? { candidates: alternatives } : {}),
    text: renderReplyText(reply, { procedure }),
    reply,
    ...(place ? { places: place.places } : {}),
  }
}

const notFound = (text = NOT_FOUND_TEXT): Answer => ({ kind: 'not_found', text })

/**
 * @returns an answer built only from stored records, a clarify question (≤5 candidates,
 *   likeliest first), not_found with a pointer to the national portal, or small talk
 */
export const answerQuestion = async ({
  question,
  context = {},
  search,
  getProcedure,
  synonyms = builtInSynonyms(),
  places: placeNotes = builtInPlaceNotes(),
}: AnswerQuestionOptions): Promise<Answer> => {
  const candidateCodes = context.candidateCodes ?? []
  if (candidateCodes.length) {
    const picked = pickCandidate(question, candidateCodes)
    if (picked) {
      const answer = await answerWith(getProcedure, picked, 'overview')
      if (answer) return answer
    }
  }
  const found = placeNotes.find(question)
  const place: PlaceContext | null = found.length
    ? { places: found, note: (levels) => placeNotes.note(found, levels) }
    : null

  const query = expandQuery(question, synonyms)
  const facet = detectFacet({ text: query.tokens, synonyms })
  const kind = classifyMessage({ query, synonyms })
  if (kind === 'smalltalk') {
    const thanks = /\b(cam on|thank|thanks|tks|thks)\b/.test(query.folded.join(' '))
    return { kind: 'smalltalk', text: thanks ? THANKS_TEXT : SMALLTALK_TEXT }
  }
  if (kind === 'out_of_scope') return notFound(OUT_OF_SCOPE_TEXT)
  if (kind === 'gibberish') return notFound()

  for (const code of query.codes) {
    const answer = await answerWith(getProcedure, code, facet, [], place)
    if (answer) return answer
  }

  const topical = query.terms.filter((t) => !GENERIC.has(t.folded) && t.weight >= 1)
  const current = context.procedureCode ?? null
  if (current && !topical.length) {
    const answer = await answerWith(getProcedure, current, facet, [], place)
    if (answer) return answer
  }
  if (!query.terms.length) {
    // "phí bao nhiêu?" with no procedure in the conversation: ask for the procedure's name.
    return notFound(
      facet === 'overview'
        ? NOT_FOUND_TEXT
        : `Bạn muốn hỏi ${FACET_WORDS[facet]} của thủ tục nào? ${NAME_IT}`,
    )
  }

  const results = search(question, { limit: 20 })
  const best = results[0]
  const totalWeight = query.terms.reduce((sum, t) => sum + t.weight, 0)
  // Long messages carry side words ("vì bản gốc bị thất lạc"): enough matched words also count.
  // (coverage is rounded to 3 decimals: 1/3 of 9 words is 0.333, and 0.333 × 9 must still count as 3)
  const confident = (r: SearchResult) =>
    r.coverage >= MIN_COVERAGE || (r.coverage >= 0.3 && r.coverage * totalWeight >= MIN_MATCHED_WEIGHT - 0.01)
  if (!best || !confident(best)) {
    // Nothing else fits well: the message most likely still means the conversation's procedure.
    if (current) return (await answerWith(getProcedure, current, facet, [], place)) ?? notFound()
    return notFound()
  }
  // Still the same procedure (or one of its level variants): stay on the conversation's record.
  if (current && results.some((r) => r.code === current && best.score - r.score < CLARIFY_MARGIN)) {
    const answer = await answerWith(getProcedure, current, facet, [], place)
    if (answer) return answer
  }

  // One representative per procedure: level variants of the same name are one choice.
  const groups: SearchResult[] = []
  for (const r of results) if (!groups.some((g) => g.group === r.group)) groups.push(r)
  const close = groups.filter((g) => best.score - g.score < CLARIFY_MARGIN && confident(g))
  if (close.length > 1) {
    const candidates = close.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, name: r.name }))
    const list = candidates.map((c, i) => `${i + 1}. ${c.name} (mã ${c.code})`).join('\n')
    const note = place?.note(null)
    return {
      kind: 'clarify',
      facet,
      candidates,
      text: `Có ${candidates.length} thủ tục gần với câu hỏi của bạn. Bạn hỏi về thủ tục nào (trả lời số thứ tự)?\n${list}${note ? `\n${note}` : ''}`,
      ...(place ? { places: place.places } : {}),
    }
  }
  const alternatives = results
    .filter((r) => r.code !== best.code && (r.group === best.group || best.score - r.score < 0.25))
    .slice(0, 4)
    .map((r) => ({ code: r.code, name: r.name }))
  return (await answerWith(getProcedure, best.code, facet, alternatives, place)) ?? notFound()
}
