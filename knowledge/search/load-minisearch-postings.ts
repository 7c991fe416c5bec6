/**
 * Loading analysed documents into MiniSearch: directly into its internals with typed-array
 * postings (the default, fast and small), or through its public `addAll` (a test compares the
 * two indexes). MiniSearch is pinned exactly because the bulk loader writes its private fields.
 * @module
 */
import type MiniSearch from 'minisearch'
import { createPostingsBuilder, DocumentIds, DocumentLengths, type TermPostings } from './compact-postings.ts'
import type { IndexedDoc } from './search-index.types.ts'

/** Folded field names and their boosts; the name counts most. */
export const FIELD_BOOSTS = { name: 1, pairs: 1.2, field: 0.2, aliases: 1 } as const

/** Analysed terms of one procedure, per MiniSearch field (in FIELD_BOOSTS order), each once. */
export type AnalysedDoc = { id: string; fields: string[][] }

/**
 * MiniSearch 7's in-memory layout, as `add` fills it. Filling it here skips tokenising the
 * joined fields again and one radix-tree lookup per posting: at 100,000 procedures that is
 * about half of the build. Terms enter the tree in the order `add` would first meet them,
 * and the average field lengths use `add`'s running mean, so the result is the same index.
 */
export type MiniSearchInternals = {
  _index: {
    set: (term: string, data: TermPostings) => unknown
    get: (term: string) => ReadonlyMap<number, ReadonlyMap<number, number>> | TermPostings | undefined
  }
  _fieldIds: Record<string, number>
  _documentIds: Map<number, string> | DocumentIds
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]> | DocumentLengths
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
}

/** Work between two points where a sliced build may give the event loop a turn. */
export const SLICE = 256

/**
 * Fills MiniSearch's internals one analysed document at a time (so the analysed fields of
 * 100,000 documents never pile up), then packs the postings into typed arrays.
 */
export const createBulkLoader = (mini: MiniSearch<IndexedDoc>) => {
  const m = mini as unknown as MiniSearchInternals
  const postings = createPostingsBuilder()
  const fields = Object.keys(FIELD_BOOSTS).length
  // Short ids count from 0 in a new index: the ids and field lengths go into arrays by short id.
  const ids: string[] = []
  const lengths: number[] = []
  return {
    add(doc: AnalysedDoc): void {
      const shortId = m._nextId
      if (shortId !== ids.length) throw new Error('the bulk loader fills a new, empty MiniSearch index')
      m._idToShortId.set(doc.id, shortId)
      ids.push(doc.id)
      m._documentCount += 1
      m._nextId += 1
      const before = m._documentCount - 1
      for (let fieldId = 0; fieldId < fields; fieldId++) {
        const terms = doc.fields[fieldId] ?? []
        lengths.push(terms.length)
        m._avgFieldLength[fieldId] =
          ((m._avgFieldLength[fieldId] || 0) * before + terms.length) / (before + 1)
        for (const term of terms) postings.add(term, fieldId, shortId)
      }
    },
    /**
     * Typed-array postings instead of MiniSearch's Maps (see compact-postings.ts), and the
     * documents' ids and field lengths in arrays: same scores, far less memory.
     */
    *finish(): Generator<void, void> {
      m._documentIds = new DocumentIds(ids)
      m._fieldLength = new DocumentLengths(Uint16Array.from(lengths), fields)
      lengths.length = 0
      let k = 0
      for (const [term, data] of postings.pack()) {
        if (++k % (SLICE * 8) === 0) yield
        m._index.set(term, data)
      }
    },
  }
}

export const addAllLoad = (mini: MiniSearch<IndexedDoc>, docs: AnalysedDoc[]) => {
  const [name, pairs, field, aliases] = Object.keys(FIELD_BOOSTS) as (keyof IndexedDoc)[]
  mini.addAll(
    docs.map(
      (d) =>
        ({
          id: d.id,
          [name as string]: d.fields[0]?.join(' ') ?? '',
          [pairs as string]: d.fields[1]?.join(' ') ?? '',
          [field as string]: d.fields[2]?.join(' ') ?? '',
          [aliases as string]: d.fields[3]?.join(' ') ?? '',
        }) as IndexedDoc,
    ),
  )
}
