/**
 * Candidates retrieved by word pairs alone, read straight from the pairs field's postings.
 * The result is the one `mini.search(pairs.join(' '), { fields: ['pairs'], combineWith: 'OR' })`
 * would give, cut to `limit` (same BM25 scores, same order, ties in the order MiniSearch meets
 * the documents), but without a result object, a match table and a sort for every document
 * the pairs name: at 100,000 procedures a pair can name thousands of them, and only the best
 * few join the rerank.
 * @module
 */
import type MiniSearch from 'minisearch'
import { DocumentLengths, FieldPostings } from './compact-postings.ts'
import type { MiniSearchInternals } from './load-minisearch-postings.ts'
import type { IndexedDoc } from './search-index.types.ts'

export type RetrieveByPairsOptions = {
  mini: MiniSearch<IndexedDoc>
  /** Indexed word pairs ("khai_tu"), in the order MiniSearch would be given them. */
  pairs: string[]
  /** How many of the best documents to return. */
  limit: number
}

/** MiniSearch's BM25+ defaults (the index sets none of its own). */
const K = 1.2
const B = 0.7
const D = 0.5

/** As MiniSearch's `calcBM25Score`, term for term, so the floating-point result is the same. */
export const bm25 = (termFreq: number, matching: number, total: number, fieldLength: number, avg: number) => {
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5))
  return invDocFreq * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avg)))
}

/**
 * @returns up to `limit` document ids with MiniSearch's score, best first
 * @example retrieveByPairs({ mini: index.mini, pairs: ['khai_tu'], limit: 20 })
 */
export const retrieveByPairs = ({
  mini,
  pairs,
  limit,
}: RetrieveByPairsOptions): { id: string; score: number }[] => {
  const m = mini as unknown as MiniSearchInternals
  const fieldId = m._fieldIds.pairs
  if (fieldId === undefined || limit <= 0) return []
  const total = m._documentCount
  const avg = m._avgFieldLength[fieldId] as number
  const compactLengths = m._fieldLength instanceof DocumentLengths ? m._fieldLength : null
  // One slot per document in the order MiniSearch first meets it (its Map's insertion order).
  const slotOf = new Map<number, number>()
  const docs: number[] = []
  const scores: number[] = []
  // Which distinct pairs each document holds, as bits: MiniSearch multiplies the summed score by
  // their number (a pair given twice adds its score twice but counts once).
  const held: number[] = []
  const distinct: string[] = []
  for (const pair of pairs) {
    let term = distinct.indexOf(pair)
    if (term < 0) {
      term = distinct.length
      distinct.push(pair)
    }
    const bit = 2 ** term
    const postings = m._index.get(pair)?.get(fieldId)
    if (!postings) continue
    const matching = postings.size
    const add = (docId: number, termFreq: number) => {
      const length = compactLengths
        ? compactLengths.lengthOf(docId, fieldId)
        : ((m._fieldLength.get(docId) as number[])[fieldId] as number)
      const score = bm25(termFreq, matching, total, length, avg)
      const slot = slotOf.get(docId)
      if (slot === undefined) {
        slotOf.set(docId, docs.length)
        docs.push(docId)
        scores.push(score)
        held.push(bit)
      } else {
        scores[slot] = (scores[slot] as number) + score
        if (Math.floor((held[slot] as number) / bit) % 2 === 0) held[slot] = (held[slot] as number) + bit
      }
    }
    if (postings instanceof FieldPostings) {
      const ids = postings.ids
      for (let i = 0; i < ids.length; i++) add(ids[i] as number, postings.frequencyAt(i))
    } else {
      for (const [docId, termFreq] of postings) add(docId, termFreq)
    }
  }
  const bitsOf = (n: number) => {
    let count = 0
    for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2
    return count
  }
  const finalScore = (slot: number): number => (scores[slot] as number) * bitsOf(held[slot] as number)
  // The best `limit` slots: a later slot passes an earlier one only with a higher score (a stable sort).
  const best: number[] = []
  for (let slot = 0; slot < docs.length; slot++) {
    const score = finalScore(slot)
    if (best.length === limit && score <= finalScore(best[limit - 1] as number)) continue
    let at = best.length
    while (at > 0 && finalScore(best[at - 1] as number) < score) at--
    best.splice(at, 0, slot)
    if (best.length > limit) best.pop()
  }
  return best.map((slot) => ({
    id: m._documentIds.get(docs[slot] as number) as string,
    score: finalScore(slot),
  }))
}
