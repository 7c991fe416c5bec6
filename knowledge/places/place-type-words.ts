/**
 * The words of a message that only name a kind of place ("lên thành phố", "ở xã", "về tỉnh"): they say
 * where, not what, so a procedure holding them ("… từ 02 tỉnh, thành phố trở lên") is no nearer the topic.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import { COMMUNE_TYPES, DISTRICT_TYPES, PROVINCE_TYPES } from './place-words.ts'

/** Every unit word, folded, as runs of words ("thanh pho", "thi tran"), the longest first. */
const UNIT_RUNS: readonly string[][] = [
  ...COMMUNE_TYPES.map((t) => t.words),
  ...PROVINCE_TYPES,
  ...DISTRICT_TYPES,
]
  .map((w) => analyzeText(w).map((t) => t.folded))
  .sort((a, b) => b.length - a.length)

/**
 * @returns the folded words the message says only inside a unit word; a word it also says elsewhere
 *   ("thành" of "thành lập" beside "thành phố") is not among them
 * @example placeTypeWords(analyzeText('chuyển trường cho con lên thành phố')) // Set { 'thanh', 'pho' }
 */
export const placeTypeWords = (tokens: readonly AnalyzedToken[]): Set<string> => {
  const inside = new Set<string>()
  const outside = new Set<string>()
  for (let i = 0; i < tokens.length; ) {
    const run = UNIT_RUNS.find((r) => r.every((w, k) => tokens[i + k]?.folded === w))
    if (run) {
      for (const w of run) inside.add(w)
      i += run.length
    } else {
      outside.add(tokens[i]?.folded ?? '')
      i++
    }
  }
  for (const w of outside) inside.delete(w)
  return inside
}
