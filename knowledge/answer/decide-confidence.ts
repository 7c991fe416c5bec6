/**
 * How sure an answer may be: whether the chosen record's name fits the question well enough to
 * be given as the answer, or only offered ("có phải bạn hỏi …"). The search's shares say how the
 * name and the question overlap; a reply is sure only when the overlap says the name is about
 * what was asked, not merely that some of its words were typed.
 * @module
 */

import { foldPhrase } from '../search/load-synonyms.ts'
import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'

/**
 * Why the chosen name is only offered:
 * - `weak`: the name holds less than half of the question's rare words and little of the name was
 *   asked about, or most of a long name was not asked about and a third of the rare words are missing;
 * - `scattered`: a few of the question's words are a small corner of a long name ("khi nào nhận
 *   được kết quả hồ sơ đã nộp online" against "Đăng ký thay đổi thông tin đăng ký thuế đối với
 *   người nộp thuế là tổ chức, hộ gia đình …"): a handful of common words is found in any long name;
 * - `action-only`: every question word the name holds belongs to its action or qualifier phrases
 *   ("mất điện thoại samsung tìm lại bằng cách nào" against "Khôi phục giá trị sử dụng hộ chiếu"):
 *   the name shares what is to be done, not what it is done to;
 * - `qualifier-only`: the same, but some of those words are a qualifier no name carries, which a name
 *   holds as its object ("lĩnh tiền bảo hiểm xã hội thay cho mẹ" against "Ủy quyền lĩnh thay các chế độ
 *   bảo hiểm xã hội …"): offered as a choice, neither denied nor given as if sure.
 */
export type Doubt = 'weak' | 'scattered' | 'action-only' | 'qualifier-only'

/** A name at least this share of whose main words were asked about is not weak for lacking the question's rare words. */
const HALF_ASKED = 0.6
/** Below this share a name lacking half of the question's rare words stays weak whatever they are. */
const NOT_HALF_ASKED = 0.4
/** Below this share of the name's main words asked about, a name is long for what was asked. */
const SCATTERED_PRECISION = 0.15
/** A long name is sure only when at least this weight of the question's words (full-weight words count 1) is in it. */
const SCATTERED_MATCHED_WEIGHT = 6

export type DecideConfidenceOptions = {
  /** The procedure about to be given as the answer. */
  top: SearchResult
  /** The question's search terms (folded) and their weights (full-weight words count 1). */
  terms: readonly { folded: string; weight: number }[]
  /** The folded words of the name's action and qualifier phrases (`actions.phraseWords` of the name). */
  phraseWords: ReadonlySet<string>
  /**
   * The same without the qualifier words no name carries (`actions.ownPhraseWords`): a name holding such
   * words too ("bảo hiểm xã hội") shares more than the action, and is offered rather than denied.
   */
  ownPhraseWords?: ReadonlySet<string>
  /** Share (0–1) of procedure names holding a folded word; without it a half-asked name is weak as before. */
  wordShare?: (folded: string) => number
}

/**
 * Whether the question holds a word of full weight that the name lacks and no procedure name holds
 * ("massage", "spa"): what it asks about is then not in the records, however the rest fits.
 */
export const holdsUnknownWord = ({
  top,
  terms,
  wordShare,
}: Pick<DecideConfidenceOptions, 'top' | 'terms'> & { wordShare: (folded: string) => number }): boolean => {
  const uncovered = new Set(top.uncovered)
  return terms.some((t) => t.weight >= 1 && uncovered.has(t.folded) && wordShare(t.folded) === 0)
}

/** The fewest words of a name's opening the question must hold for its action and qualifier words to be its object. */
const OPENING_WORDS = 3

/**
 * Whether the name opens with the question's words and nothing else ("Giải thể doanh nghiệp, giải thể
 * trong trường hợp …" for "giải thể công ty", read "giải thể doanh nghiệp"): its qualifier words are then
 * what the action is done to, the name's own object, not a case beside it.
 */
const opensWithHeld = (name: string, held: readonly { folded: string }[]): boolean => {
  const words = new Set(held.map((t) => t.folded))
  const opening = foldPhrase(name)
    .replace(/^thu tuc /, '')
    .split(' ')
    .slice(0, words.size)
  return words.size >= OPENING_WORDS && opening.every((w) => words.has(w))
}

/**
 * @returns null when the name fits well enough to answer as if sure, else why it is only offered
 * @example decideConfidence({ top, terms, phraseWords }) // "scattered" for three words found in a 30-word name
 */
export const decideConfidence = ({
  top,
  terms,
  phraseWords,
  ownPhraseWords,
  wordShare,
}: DecideConfidenceOptions): Doubt | null => {
  const { idfCoverage, precision, coverage } = top
  if (idfCoverage < 0.7 && precision < 0.35) return 'weak'
  if (idfCoverage < 0.5 && precision < HALF_ASKED) {
    // Much of the name was asked about ("sổ đỏ ghi sai tên chủ đất, muốn đính chính" against "Đính
    // chính Giấy chứng nhận …"): the question's other words are its story, unless one of them is
    // a word no procedure name holds ("massage", "spa"): what it asks about is then not in the records.
    if (!wordShare || precision < NOT_HALF_ASKED || holdsUnknownWord({ top, terms, wordShare })) return 'weak'
  }
  if (isNamedOutright(top)) return null
  const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0)
  if (precision < SCATTERED_PRECISION && coverage * totalWeight < SCATTERED_MATCHED_WEIGHT) return 'scattered'
  const uncovered = new Set(top.uncovered)
  const held = terms.filter((t) => t.weight >= 1 && !uncovered.has(t.folded))
  if (held.length && held.every((t) => phraseWords.has(t.folded)) && !opensWithHeld(top.name, held))
    return ownPhraseWords && !held.every((t) => ownPhraseWords.has(t.folded))
      ? 'qualifier-only'
      : 'action-only'
  return null
}
