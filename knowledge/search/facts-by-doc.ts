/**
 * A procedure's facts by MiniSearch's short document number: the search reads its 80–100
 * candidates by number (an array read) instead of looking each one's code up in the facts'
 * Map, about 80 ns a candidate. Worked out once per index: the index's `ordered` facts when the
 * documents were added in that order (as the index build does), else a table built from the ids.
 * @module
 */
import type { MiniSearchInternals } from './load-minisearch-postings.ts'
import type { DocFacts, SearchIndex } from './search-index.types.ts'

const byIndex = new WeakMap<SearchIndex, readonly (DocFacts | undefined)[]>()

/**
 * @returns the facts by short document number (undefined where a number names no procedure)
 * @example const facts = factsByDoc(index); const f = facts[docId]
 */
export const factsByDoc = (index: SearchIndex): readonly (DocFacts | undefined)[] => {
  let table = byIndex.get(index)
  if (table === undefined) {
    const ids = (index.mini as unknown as MiniSearchInternals)._documentIds
    const { ordered } = index
    let aligned = ids.size === ordered.length
    for (const [doc, code] of ids.entries()) {
      if (!aligned) break
      aligned = ordered[doc]?.code === code
    }
    if (aligned) table = ordered
    else {
      const built: (DocFacts | undefined)[] = []
      for (const [doc, code] of ids.entries()) built[doc] = index.facts.get(code)
      table = built
    }
    byIndex.set(index, table)
  }
  return table
}
