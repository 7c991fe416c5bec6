import { describe, expect, it } from 'vitest'
import { FIELD_BOOSTS, type SearchIndex } from '../../../knowledge/search/build-search-index.ts'
import { factsByDoc } from '../../../knowledge/search/facts-by-doc.ts'
import type { MiniSearchInternals } from '../../../knowledge/search/load-minisearch-postings.ts'
import { retrieveByTerms, retrieveDocsByTerms } from '../../../knowledge/search/retrieve-by-terms.ts'
import { usePortalSearchIndexes } from '../../helpers/portal-search-indexes.ts'

const portal = usePortalSearchIndexes()

const idsOf = (index: SearchIndex) => (index.mini as unknown as MiniSearchInternals)._documentIds

describe('factsByDoc', () => {
  it("reads every document's own facts by its number, with either loader", () => {
    for (const index of [portal.index, portal.viaAddAll]) {
      const facts = factsByDoc(index)
      expect(idsOf(index).size).toBe(index.size)
      for (const [doc, code] of idsOf(index).entries()) expect(facts[doc]).toBe(index.facts.get(code))
      // documents added in the order of `ordered`: no table of its own
      expect(facts).toBe(index.ordered)
    }
  })

  it('builds a table when the documents were not added in the order of the facts', () => {
    const shuffled: SearchIndex = { ...portal.index, ordered: [...portal.index.ordered].reverse() }
    const facts = factsByDoc(shuffled)
    expect(facts).not.toBe(shuffled.ordered)
    for (const [doc, code] of idsOf(shuffled).entries()) expect(facts[doc]?.code).toBe(code)
    expect(factsByDoc(shuffled)).toBe(facts)
  })

  it('matches the hits retrieveByTerms gives, by number', () => {
    const terms = ['khai', 'sinh', 'ket', 'hon', 'can_cuoc'].map((term) => ({
      term,
      fuzzy: false as const,
      prefix: false,
      boost: 1,
    }))
    const options = { mini: portal.index.mini, terms, fieldBoosts: FIELD_BOOSTS, limit: 80 }
    const { docs, scores } = retrieveDocsByTerms(options)
    expect(docs.length).toBeGreaterThan(10)
    const facts = factsByDoc(portal.index)
    expect(docs.map((doc, k) => ({ id: facts[doc]?.code, score: scores[k] }))).toEqual(
      retrieveByTerms(options),
    )
  })
})
