/**
 * A long message's request decides between the first results when a rival leads on the story's
 * words alone: "chồng tôi và tôi đã đăng ký kết hôn, giờ làm giấy khai sinh cho cháu thế nào" asks
 * for the birth registration, not the marriage the story names. When the first result's name holds
 * none of the request's named word pairs (find-request-clause.ts), and one of the next two holds, outside
 * its brackets, a pair of the request that names a topic, fewer of the story's words than the first and
 * a name no looser (precision), that one goes first.
 * @module
 */
import { foldCached } from './analyse-procedure-name.ts'
import type { QueryTerm } from './expand-query.ts'
import { normalizeVietnamese, tokenizeNormalized } from './normalize-vietnamese.ts'
import type { SearchResult } from './search.types.ts'

/** Only the results this near the top are compared: further down the story is not what decides. */
const REACH = 3

/** Words of a side that count: full weight, not an optional qualifier nor a purpose. */
const counted = (t: QueryTerm): boolean => t.weight >= 1 && !t.qualifier && !t.purpose

/** How many of `words` the result's name holds (`uncovered` lists the full-weight words it lacks). */
const held = (r: SearchResult, words: readonly string[]): number =>
  words.reduce((n, w) => (r.uncovered.includes(w) ? n : n + 1), 0)

/** The folded words of a name outside its brackets: a scope in brackets is not what the name is for. */
const mainWords = (name: string): string =>
  ` ${tokenizeNormalized(normalizeVietnamese(name).replace(/\([^)]*\)?/g, ' '))
    .map(foldCached)
    .join(' ')} `

/** Whether the result's name, outside its brackets, holds one of the pairs ("khai_sinh") side by side. */
const holdsPair = (r: SearchResult, pairs: readonly string[]): boolean => {
  const words = mainWords(r.name)
  return pairs.some((p) => words.includes(` ${p.replace('_', ' ')} `))
}

/**
 * @returns the results, with the request's holder moved first when it qualifies (else the same array)
 */
export const preferRequestHolder = ({
  results,
  terms,
  topicPairs,
  namedPairs,
}: {
  results: SearchResult[]
  terms: readonly QueryTerm[]
  /** The request's word pairs that name a topic (few names hold them, but some do). */
  topicPairs: readonly string[]
  /** The request's word pairs some name holds: a first result holding one answers the request itself. */
  namedPairs: readonly string[]
}): SearchResult[] => {
  if (results.length < 2 || !topicPairs.length || !terms.some((t) => t.story)) return results
  const first = results[0] as SearchResult
  if (holdsPair(first, namedPairs)) return results
  const story = terms.filter((t) => t.story && counted(t)).map((t) => t.folded)
  const firstStory = held(first, story)
  for (let k = 1; k < Math.min(REACH, results.length); k++) {
    const r = results[k] as SearchResult
    // A long name that holds the pair among many other things is no nearer the request.
    if (!holdsPair(r, topicPairs) || held(r, story) >= firstStory || r.precision < first.precision) continue
    const out = [...results]
    out.splice(k, 1)
    out.unshift(r)
    return out
  }
  return results
}
