/**
 * A name the question rules out (another action than the one asked, an age or qualifier it
 * contradicts) still ranks first when its words cover more of the question: "Đăng ký tạm
 * trú" before "Gia hạn tạm trú" for "tạm trú sắp hết hạn thì gia hạn sao",
 * "Xác nhận thông tin về cư trú" before "Điều chỉnh thông tin về cư trú …" for a wrong entry to
 * correct. Among the best-scored results, a found sibling of the same object (`share-object.ts`) that
 * fits the question and covers its rare words nearly as well moves just above such a name. A name
 * only marked down for a variant or for someone the question does not mention is left where it is:
 * its everyday wording is often what the question meant.
 * @module
 */

import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'
import type { ProcedureActions } from './procedure-actions.ts'
import { shareObject } from './share-object.ts'

/** Only the first results are looked at: the order further down decides no answer. */
const FIRST_RESULTS = 3
/** Siblings are looked for among this many results. */
const SIBLING_RESULTS = 10
/** How much less of the question's rare words the fitting sibling may cover. */
export const SIBLING_COVERAGE_GAP = 0.15
/**
 * Least share of the sibling's name the question asks about: a long name holding the question's
 * words among many others ("ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn … của nước ngoài"
 * for "hủy đăng ký kết hôn") is about something more than was asked.
 */
export const SIBLING_PRECISION = 0.2

export type RankFittingSiblingOptions = {
  /** Results re-scored by the fit model, best first (`fit` set on each). */
  results: SearchResult[]
  actions: ProcedureActions
  /** Whether the question rules the result out (a misfit it contradicts). */
  ruledOut: (r: SearchResult) => boolean
}

/**
 * @returns the best-scored fitting sibling of the same object that should rank just above a
 *   ruled-out result, or null when there is none or it already ranks above
 */
export const findFittingSibling = (
  r: SearchResult,
  results: readonly SearchResult[],
  actions: ProcedureActions,
): SearchResult | null => {
  if (isNamedOutright(r) || !((r.fit ?? 0) < 0)) return null
  for (const s of results.slice(0, SIBLING_RESULTS)) {
    if (s === r || isNamedOutright(s) || (s.fit ?? 0) < 0) continue
    if (s.idfCoverage < r.idfCoverage - SIBLING_COVERAGE_GAP || s.precision < SIBLING_PRECISION) continue
    // The best fitting sibling already ranks above it: nothing to move.
    if (shareObject({ a: r.name, b: s.name, actions })) return s.score >= r.score ? null : s
  }
  return null
}

/**
 * Lifts the fitting sibling of the first ruled-out result among the first ones to just above it:
 * the names between them keep their places, so nothing the fit model did not look at rises.
 * @returns the results, best first (the sort is stable: ties keep their order)
 */
export const rankFittingSiblings = ({
  results,
  actions,
  ruledOut,
}: RankFittingSiblingOptions): SearchResult[] => {
  for (let i = 0; i < Math.min(FIRST_RESULTS, results.length); i++) {
    const r = results[i] as SearchResult
    if (isNamedOutright(r) || !ruledOut(r)) continue
    const s = findFittingSibling(r, results, actions)
    if (!s) continue
    results[results.indexOf(s)] = { ...s, score: Math.round((r.score + 0.001) * 1000) / 1000 }
    return results.sort((a, b) => b.score - a.score)
  }
  return results
}
