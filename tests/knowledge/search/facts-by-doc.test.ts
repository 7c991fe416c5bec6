import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import {
  buildSearchIndex,
  FIELD_BOOSTS,
  type SearchIndex,
} from '../../../knowledge/search/build-search-index.ts'
import { factsByDoc } from '../../../knowledge/search/facts-by-doc.ts'
import type { MiniSearchInternals } from '../../../knowledge/search/load-minisearch-postings.ts'
import { compileSynonyms, readSynonymFiles } from '../../../knowledge/search/load-synonyms.ts'
import { retrieveByTerms, retrieveDocsByTerms } from '../../../knowledge/search/retrieve-by-terms.ts'
import type { TestDb } from '../../helpers/create-test-db.ts'
import { createPortalDb } from '../../helpers/portal-knowledge-base.ts'

let testDb: TestDb
let bulk: SearchIndex
let viaAddAll: SearchIndex
const synonyms = compileSynonyms(readSynonymFiles({}))

beforeAll(async () => {
  testDb = await createPortalDb()
  const procedures = await listProcedures({ db: testDb.db })
  bulk = buildSearchIndex({ procedures, synonyms })
  viaAddAll = buildSearchIndex({ procedures, synonyms, loader: 'addAll' })
}, 60_000)
afterAll(() => testDb?.close())

const idsOf = (index: SearchIndex) => (index.mini as unknown as MiniSearchInternals)._documentIds

describe('factsByDoc', () => {
  it("reads every document's own facts by its number, with either loader", () => {
    for (const index of [bulk, viaAddAll]) {
      const facts = factsByDoc(index)
      expect(idsOf(index).size).toBe(index.size)
      for (const [doc, code] of idsOf(index).entries()) expect(facts[doc]).toBe(index.facts.get(code))
      // documents added in the order of `ordered`: no table of its own
      expect(facts).toBe(index.ordered)
    }
  })

  it('builds a table when the documents were not added in the order of the facts', () => {
    const shuffled: SearchIndex = { ...bulk, ordered: [...bulk.ordered].reverse() }
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
    const options = { mini: bulk.mini, terms, fieldBoosts: FIELD_BOOSTS, limit: 80 }
    const { docs, scores } = retrieveDocsByTerms(options)
    expect(docs.length).toBeGreaterThan(10)
    const facts = factsByDoc(bulk)
    expect(docs.map((doc, k) => ({ id: facts[doc]?.code, score: scores[k] }))).toEqual(
      retrieveByTerms(options),
    )
  })
})
