/**
 * The best documents for the retrieval words, read straight from the compact postings: what
 * `mini.search({ combineWith: 'OR', queries: [{ queries: [terms.join(' ')], fields, boost, fuzzy,
 * prefix, boostTerm }] }).slice(0, limit)` gives — the same BM25 scores added in the same order
 * (so the same floating-point sums), the same order, ties in the order MiniSearch meets the
 * documents — without MiniSearch's result object, matched-terms list and match table for every
 * document a word names, nor its Map of results per word merged into the next.
 * @module
 */
import type MiniSearch from 'minisearch'
import { DocumentLengths, FieldPostings } from './compact-postings.ts'
import type { MiniSearchInternals } from './load-minisearch-postings.ts'
import { bm25 } from './retrieve-by-pairs.ts'
import type { IndexedDoc } from './search-index.types.ts'

/** One retrieval word, with what MiniSearch's `fuzzy`, `prefix` and `boostTerm` options give it. */
export type RetrievalTerm = {
  term: string
  /** Edit distance allowed (`fuzzy` of a query), or false. */
  fuzzy: number | false
  /** Whether longer words starting with it match too. */
  prefix: boolean
  boost: number
}

export type RetrieveByTermsOptions = {
  mini: MiniSearch<IndexedDoc>
  terms: readonly RetrievalTerm[]
  /** Field name → boost, in the order MiniSearch is given the fields. */
  fieldBoosts: Readonly<Record<string, number>>
  limit: number
}

/** MiniSearch's defaults for the weight of a prefix or fuzzy match and the fuzzy distance cap. */
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
const MAX_FUZZY = 6

type FieldData = ReadonlyMap<number, number> | FieldPostings
type TermData = { get: (fieldId: number) => FieldData | undefined }
/** The part of MiniSearch's radix tree the prefix and typo matches read. */
type Tree = {
  get: (term: string) => TermData | undefined
  atPrefix: (prefix: string) => Iterable<[string, TermData]>
  fuzzyGet: (term: string, distance: number) => Map<string, [TermData, number]>
}

/**
 * Scratch space by short id, kept per index (searches run one at a time: each is synchronous).
 * `partial`: one word's score; `total`: the summed score; `count`: the distinct words matched;
 * `termMark` / `docMark`: the word / search that last wrote there, so nothing needs clearing.
 */
type Scratch = {
  partial: Float64Array
  total: Float64Array
  count: Int32Array
  termMark: Int32Array
  docMark: Int32Array
  mark: number
  touched: number[]
}
const scratchOf = new WeakMap<object, Scratch>()
const scratchFor = (m: MiniSearchInternals): Scratch => {
  let s = scratchOf.get(m)
  if (!s || s.partial.length < m._nextId || s.mark > 0x3fffffff) {
    const n = m._nextId
    s = {
      partial: new Float64Array(n),
      total: new Float64Array(n),
      count: new Int32Array(n),
      termMark: new Int32Array(n),
      docMark: new Int32Array(n),
      mark: 0,
      touched: [],
    }
    scratchOf.set(m, s)
  }
  return s
}

/**
 * @returns up to `limit` hits, best first, with MiniSearch's score (summed score × distinct words matched)
 * @example retrieveByTerms({ mini, terms: [{ term: 'khai', fuzzy: false, prefix: false, boost: 1 }], fieldBoosts: FIELD_BOOSTS, limit: 80 })
 */
export const retrieveByTerms = (options: RetrieveByTermsOptions): { id: string; score: number }[] => {
  const { docs, scores } = retrieveDocsByTerms(options)
  const ids = (options.mini as unknown as MiniSearchInternals)._documentIds
  return docs.map((docId, k) => ({ id: ids.get(docId) as string, score: scores[k] as number }))
}

/**
 * The same hits as {@link retrieveByTerms}, as MiniSearch's short document numbers (the order the
 * documents were added in) beside their scores: a caller that keeps its documents in that order
 * reads them by number instead of looking each id up.
 * @returns `docs[k]` scored `scores[k]`, best first
 */
export const retrieveDocsByTerms = ({
  mini,
  terms,
  fieldBoosts,
  limit,
}: RetrieveByTermsOptions): { docs: number[]; scores: number[] } => {
  if (limit <= 0 || terms.length === 0) return { docs: [], scores: [] }
  const m = mini as unknown as MiniSearchInternals
  const tree = m._index as unknown as Tree
  const s = scratchFor(m)
  const { partial, total, count, termMark, docMark, touched } = s
  const documentCount = m._documentCount
  const compactLengths = m._fieldLength instanceof DocumentLengths ? m._fieldLength : null
  const fields = Object.keys(fieldBoosts)
  const search = ++s.mark
  // Documents in the order MiniSearch's merged results first hold them.
  const order: number[] = []
  let term = 0
  let termBoost = 1
  let weight = 1
  // One word's results, field by field, as MiniSearch's `termResults` adds them.
  const addTerm = (data: TermData | undefined) => {
    if (!data) return
    for (const field of fields) {
      const fieldId = m._fieldIds[field] as number
      const postings = data.get(fieldId)
      if (!postings) continue
      const factor = weight * termBoost * (fieldBoosts[field] as number)
      const matching = postings.size
      const avg = m._avgFieldLength[fieldId] as number
      if (postings instanceof FieldPostings) {
        const ids = postings.ids
        for (let i = 0; i < ids.length; i++) {
          const docId = ids[i] as number
          const length = compactLengths
            ? compactLengths.lengthOf(docId, fieldId)
            : ((m._fieldLength.get(docId) as number[])[fieldId] as number)
          addScore(docId, factor * bm25(postings.frequencyAt(i), matching, documentCount, length, avg))
        }
      } else
        for (const [docId, termFreq] of postings) {
          const length = (m._fieldLength.get(docId) as number[])[fieldId] as number
          addScore(docId, factor * bm25(termFreq, matching, documentCount, length, avg))
        }
    }
  }
  const addScore = (docId: number, score: number) => {
    if (termMark[docId] !== term) {
      termMark[docId] = term
      partial[docId] = score
      touched.push(docId)
    } else partial[docId] = (partial[docId] as number) + score
  }
  for (let k = 0; k < terms.length; k++) {
    const spec = terms[k] as RetrievalTerm
    // A word given twice adds its score twice (to the same documents) but counts once.
    let first = 0
    while ((terms[first] as RetrievalTerm).term !== spec.term) first++
    const counts = first === k ? 1 : 0
    term = ++s.mark
    termBoost = spec.boost
    weight = 1
    touched.length = 0
    addTerm(tree.get(spec.term))
    const prefixMatches = spec.prefix ? tree.atPrefix(spec.term) : undefined
    let fuzzyMatches: Map<string, [TermData, number]> | undefined
    if (spec.fuzzy !== false) {
      const distance =
        spec.fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(spec.term.length * spec.fuzzy)) : spec.fuzzy
      if (distance) fuzzyMatches = tree.fuzzyGet(spec.term, distance)
    }
    if (prefixMatches)
      for (const [longer, data] of prefixMatches) {
        const distance = longer.length - spec.term.length
        if (!distance) continue
        // A prefix match is scored as one, not as a typo.
        fuzzyMatches?.delete(longer)
        weight = (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance)
        addTerm(data)
      }
    if (fuzzyMatches)
      for (const near of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(near) as [TermData, number]
        if (!distance) continue
        weight = (FUZZY_WEIGHT * near.length) / (near.length + distance)
        addTerm(data)
      }
    // Merged into the results so far: a word's own sum is added whole, as MiniSearch's OR does.
    for (const docId of touched) {
      if (docMark[docId] !== search) {
        docMark[docId] = search
        total[docId] = partial[docId] as number
        count[docId] = counts
        order.push(docId)
      } else {
        total[docId] = (total[docId] as number) + (partial[docId] as number)
        count[docId] = (count[docId] as number) + counts
      }
    }
  }
  touched.length = 0
  // The best `limit`, best first: a later document passes an earlier one only with a higher score
  // (MiniSearch's sort is stable over the order of its results).
  const docs: number[] = []
  const scores: number[] = []
  for (const docId of order) {
    const final = (total[docId] as number) * (count[docId] as number)
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
  return { docs, scores }
}
