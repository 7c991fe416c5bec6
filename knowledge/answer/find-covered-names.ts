/**
 * Names the question covers: a short name whose words the question holds almost all of ("Tách hộ"
 * for "muốn tách hộ khẩu riêng ra khỏi nhà bố mẹ thì cần giấy tờ gì", "Giải quyết hưởng chế độ
 * tử tuất" for "bố mất … nhận trợ cấp mai táng và tuất") fits the question even when the question's
 * many side words make it hold only a small share of them. Such a name is never answered as if
 * sure (it may still be the wrong one), but it belongs among the options of a "có phải bạn hỏi …"
 * question, and it makes one instead of a plain "not found".
 * @module
 */

import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'

/** Share of the name's words the question must hold. */
export const COVERED_PRECISION = 0.5
/** Share of the question's rare words (by weight) the name must hold: one common word is not enough. */
export const COVERED_IDF = 0.25
/** Only the best-scored results are looked at: a name far down the list is about something else. */
export const COVERED_RANKS = 5
/**
 * The best-scored name held whole by the question ("Tách hộ" in "cưới xong muốn tách hộ khẩu ra riêng
 * với bố mẹ thì cần giấy tờ gì", "Chứng thực di chúc" in a long question about a will) needs only this
 * share of the question's rare words: every word of it was asked, the rest are side words.
 */
export const WHOLE_NAME_IDF = 0.15

export type FindCoveredNamesOptions = {
  /** The search results, best first. */
  results: readonly SearchResult[]
  /** Whether a result may be offered at all (its action and qualifiers fit, its topic is held). */
  fits: (r: SearchResult) => boolean
}

/**
 * @returns the results among the first {@link COVERED_RANKS} whose name the question covers, best
 *   first, one per procedure (level variants of one name are one)
 * @example findCoveredNames({ results, fits }) // ['1.010038' Tách hộ] for "tách hộ khẩu ra ở riêng với bố mẹ"
 */
export const findCoveredNames = ({ results, fits }: FindCoveredNamesOptions): SearchResult[] => {
  const out: SearchResult[] = []
  for (const [i, r] of results.slice(0, COVERED_RANKS).entries()) {
    const whole = i === 0 && r.precision >= 1 && r.idfCoverage >= WHOLE_NAME_IDF
    if (isNamedOutright(r) || r.precision < COVERED_PRECISION || (r.idfCoverage < COVERED_IDF && !whole))
      continue
    if (!fits(r) || out.some((o) => o.group === r.group)) continue
    out.push(r)
  }
  return out
}
