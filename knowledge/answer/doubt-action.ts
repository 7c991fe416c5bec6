/**
 * Whether the action read from a question may be misread, so the name its words fit best is asked
 * about rather than denied: the actions come from everyday words ("đổi" is also "đòi" or "thay đổi"
 * unmarked or in speech, "hết hạn" says what happened, not what is wanted), and a question that is
 * only an action and the name ("hủy đăng ký kết hôn", "gia hạn hộ chiếu") says plainly what it
 * wants, which the records may not hold. A question with side words beside a name that holds most of
 * it ("hộ kinh doanh của mình đổi ngành nghề, thêm bán đồ ăn", "hợp đồng thuê nhà ở cũ của nhà nước
 * hết hạn muốn ký lại") is asked whether that name is meant.
 * @module
 */
import type { SearchResult } from '../search/search.types.ts'

/** The best-worded name must hold at least this share of the question's words. */
export const MISREAD_COVERAGE = 0.6

export type DoubtActionOptions = {
  /** The name the question's words fit best, which does not do the action read from it. */
  best: SearchResult
  /** The folded words of the question's action, qualifier and variant phrases. */
  phraseWords: ReadonlySet<string>
}

/**
 * @returns true when `best` holds at least {@link MISREAD_COVERAGE} of the question and lacks a word
 *   besides those of the action read
 * @example doubtsAction({ best: changeOfHouseholdBusiness, phraseWords }) // true for "… đổi ngành nghề, thêm bán đồ ăn"
 */
export const doubtsAction = ({ best, phraseWords }: DoubtActionOptions): boolean =>
  best.coverage >= MISREAD_COVERAGE && best.uncovered.some((w) => !phraseWords.has(w))
