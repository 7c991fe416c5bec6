/**
 * A name that is a found sibling's name with words added the question does not ask about covers
 * nothing more of the question, yet the search's other signals (its words in other fields, its
 * audience) can rank it first: "… giữa Việt Nam, Lào và Campuchia" before "… giữa Việt Nam và Lào"
 * for a route to Laos. Among the first results such a name moves just below its plain sibling, the
 * procedure the question names. A sibling marked down by the fit model is not lifted.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { isNamedOutright } from '../search/named-outright.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'

/** Only the first results are looked at: the order further down decides no answer. */
const FIRST_RESULTS = 3
/** Plain siblings are looked for among this many results. */
const SIBLING_RESULTS = 10

/** Words of a name that say nothing about its object. */
const FILLER = new Set(['thu', 'tuc'])

/** The level a name is carried out at ("thực hiện tại cấp xã", "cấp tỉnh"): no word it adds to its sibling. */
const LEVEL = /(?:thực hiện )?(?:tại )?cấp (?:xã|tỉnh|huyện|bộ|trung ương|tw)(?![\p{L}\p{N}])/giu

/**
 * The folded words of a name outside its brackets and its level: a bracket names the level or what
 * the procedure leaves out ("(trừ vùng an toàn dịch bệnh cấp tỉnh …)"), not words it adds. Names come
 * back search after search: each is read once (bounded).
 */
export const mainWordsOf = memoize(
  (name): ReadonlySet<string> =>
    new Set(
      analyzeText(
        name
          .normalize('NFC')
          .replace(/\([^)]*\)?/g, ' ')
          .replace(LEVEL, ' '),
      )
        .map((t) => t.folded)
        .filter((w) => !FILLER.has(w)),
    ),
  { maxEntries: 10_000 },
)

export type RankPlainSiblingOptions = {
  /** Results re-scored by the fit model, best first. */
  results: SearchResult[]
}

/** Whether `plain` covers every question word `longer` covers (`uncovered`: the question's words a name lacks). */
const coversAllOf = (plain: SearchResult, longer: SearchResult): boolean =>
  plain.idfCoverage >= longer.idfCoverage && plain.uncovered.every((w) => longer.uncovered.includes(w))

/** Whether the longer name holds every word of the plain one, and more. */
const addsWords = (longer: ReadonlySet<string>, plain: ReadonlySet<string>): boolean => {
  if (longer.size <= plain.size) return false
  for (const w of plain) if (!longer.has(w)) return false
  return true
}

/**
 * @returns the plain sibling `r` should rank below, or null when none was found or it already ranks above
 */
export const findPlainSibling = (r: SearchResult, results: readonly SearchResult[]): SearchResult | null => {
  if (isNamedOutright(r) || !r.group) return null
  const words = mainWordsOf(r.name)
  for (const s of results.slice(0, SIBLING_RESULTS)) {
    if (s === r || isNamedOutright(s) || !s.group || s.group === r.group || s.score >= r.score) continue
    if ((s.fit ?? 0) < (r.fit ?? 0) || !coversAllOf(s, r)) continue
    if (addsWords(words, mainWordsOf(s.name))) return s
  }
  return null
}

/**
 * Moves the first of the first results that adds unasked words to a found sibling to just below it.
 * @returns the results, best first (the sort is stable: ties keep their order)
 */
export const rankPlainSiblings = ({ results }: RankPlainSiblingOptions): SearchResult[] => {
  for (let i = 0; i < Math.min(FIRST_RESULTS, results.length); i++) {
    const r = results[i] as SearchResult
    const s = findPlainSibling(r, results)
    if (!s) continue
    results[i] = { ...r, score: Math.round((s.score - 0.001) * 1000) / 1000 }
    return results.sort((a, b) => b.score - a.score)
  }
  return results
}
