/**
 * A paper asked for again in the spoken order: the verb, the paper, then "lại" ("đăng ký kết hôn lại",
 * "làm căn cước lại ở đâu") says what "đăng ký lại", "làm lại" say, unless a reason after it decides
 * another action ("làm sổ đỏ lại vì sai diện tích" is a correction). The fit model reads it as a re-issue.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'

/** Verbs that, with "lại" after their paper, ask for it again ("làm căn cước lại"), folded. */
const REDO_VERBS = [['lam'], ['cap'], ['xin'], ['dang', 'ki'], ['in']]
/** Most words of the paper between the verb and "lại". */
const REDO_OBJECT = 3
/** First words of a paper ("căn cước", "giấy khai sinh", "sổ đỏ", "kết hôn"), folded. */
const PAPER_HEADS = new Set(
  'giay the so bang ho can cccd cmnd gplx ket khai chung ca bien phieu li lltp hc passport visa'.split(' '),
)
/** Words that may follow such a "lại": the question goes on ("… lại ở đâu", "… lại cho con"), folded. */
const AFTER_REDO = new Set(
  'cho duoc o thi the nhu can mat het bao sao nhe a nha khong ko k de tai'.split(' '),
)
/** Words that give a reason ("vì", "do", "khi"), folded. */
const REASONS = new Set(['vi', 'do', 'khi'])
/** A paper lost or spoilt as the reason: "mất", "hỏng", "rách", "cháy", "thất lạc", "rơi", "rớt", "nát", "ướt" (folded). */
const LOSSES = new Set(['mat', 'hong', 'rach', 'chay', 'that', 'roi', 'rot', 'nat', 'uot'])

/**
 * @returns whether the question holds a verb, a paper of at most {@link REDO_OBJECT} words opening with a
 *   paper's word, and "lại" ("đăng ký kết hôn lại vì mất giấy"; not "cấp thẻ thừa phát lại", whose "lại"
 *   is the paper's), with the message ending or going on with a question word after it ("lại" is then
 *   not "again have to": "… lại phải"; "gửi lại", "trả lại" are no verbs of the list)
 * @example asksPaperAgain(analyzeText('làm căn cước lại ở đâu')) === true
 */
export const asksPaperAgain = (tokens: readonly AnalyzedToken[]): boolean => {
  for (let i = 0; i < tokens.length; i++) {
    const verb = REDO_VERBS.find((v) => v.every((w, k) => tokens[i + k]?.folded === w))
    if (!verb) continue
    const from = i + verb.length
    if (!PAPER_HEADS.has(tokens[from]?.folded ?? '')) continue
    for (let j = from + 1; j <= from + REDO_OBJECT && j < tokens.length; j++) {
      const t = tokens[j] as AnalyzedToken
      if (t.clause || /\d/.test(t.folded)) break
      if (t.folded !== 'lai' || (t.accented && t.text.toLowerCase() !== 'lại')) continue
      // "thừa phát lại": the paper's own word
      if (tokens[j - 1]?.folded === 'phat') break
      const next = tokens[j + 1]
      if (!next || next.clause) return true
      // a reason after it decides the action: "… lại vì mất giấy" is a re-issue, "… lại vì sai diện
      // tích" a correction, "… lại vì hết hạn" an exchange
      if (REASONS.has(next.folded)) return tokens.slice(j + 2).some((t) => LOSSES.has(t.folded))
      if (AFTER_REDO.has(next.folded)) return true
      break
    }
  }
  return false
}
