/**
 * The best documents of a MiniSearch query, cut to `limit`: what `mini.search(query).slice(0, limit)`
 * gives (the same scores, the same order, ties in the order MiniSearch meets the documents), read
 * from MiniSearch's raw results without a result object, a list of matched terms and a sort for
 * every document the query names — a search keeps 80 candidates of the hundreds to thousands its
 * words retrieve.
 * @module
 */
import type MiniSearch from 'minisearch'
import type { Query, SearchOptions } from 'minisearch'
import type { MiniSearchInternals } from './load-minisearch-postings.ts'
import type { IndexedDoc } from './search-index.types.ts'

/** MiniSearch's raw results (`executeQuery`): by short id, the summed score and the query terms matched. */
type RawResults = Map<number, { score: number; terms: string[] }>
type Executes = { executeQuery: (query: Query, options?: SearchOptions) => RawResults }

/**
 * @param query as for `mini.search` (with no search options of its own beyond the index's)
 * @returns up to `limit` hits, best first, with MiniSearch's score (summed score × matched query terms)
 * @example retrieveBest({ mini: index.mini, query: { combineWith: 'OR', queries }, limit: 80 })
 */
export const retrieveBest = ({
  mini,
  query,
  limit,
}: {
  mini: MiniSearch<IndexedDoc>
  query: Query
  limit: number
}): { id: string; score: number }[] => {
  if (limit <= 0) return []
  const raw = (mini as unknown as Executes).executeQuery(query, {})
  const ids = (mini as unknown as MiniSearchInternals)._documentIds
  // The best `limit`, best first: a later document passes an earlier one only with a higher score
  // (MiniSearch's sort is stable over the order of its raw results).
  const docs: number[] = []
  const scores: number[] = []
  for (const [docId, { score, terms }] of raw) {
    const final = score * (terms.length || 1)
    if (docs.length === limit && final <= (scores[limit - 1] as number)) continue
    let at = docs.length
    while (at > 0 && (scores[at - 1] as number) < final) at--
    docs.splice(at, 0, docId)
    scores.splice(at, 0, final)
    if (docs.length > limit) {
      docs.pop()
      scores.pop()
    }
  }
  return docs.map((docId, k) => ({ id: ids.get(docId) as string, score: scores[k] as number }))
}
