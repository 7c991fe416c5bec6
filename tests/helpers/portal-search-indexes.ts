/**
 * Tests of the search index over the real records: the national export's procedures, the index
 * trolyso builds over them (MiniSearch filled in bulk, compact postings) and the same index built
 * through MiniSearch's own `addAll`, to compare with, for the file or describe block that calls
 * {@link usePortalSearchIndexes}.
 * @module
 */
import { afterAll, beforeAll } from 'vitest'
import { listProcedures } from '../../knowledge/procedures/list-procedures.ts'
import type { Procedure } from '../../knowledge/procedures/procedure.types.ts'
import { buildSearchIndex, type SearchIndex } from '../../knowledge/search/build-search-index.ts'
import { loadSynonyms, type Synonyms } from '../../knowledge/search/load-synonyms.ts'
import type { TestDb } from './create-test-db.ts'
import { createPortalDb } from './portal-knowledge-base.ts'

export type PortalSearchIndexes = {
  /** the built-in dictionary both indexes were built with */
  synonyms: Synonyms
  /** the national export's procedures, as listed from a fresh copy of the run's portal database */
  procedures: Procedure[]
  /** the index as trolyso builds it */
  index: SearchIndex
  /** the same procedures through MiniSearch's own `addAll` (Map postings) */
  viaAddAll: SearchIndex
}

/**
 * Registers `beforeAll` (database, procedures, both indexes) and `afterAll` (the database).
 * @returns the indexes; their fields are set once `beforeAll` ran, `synonyms` at once
 */
export const usePortalSearchIndexes = (): PortalSearchIndexes => {
  const portal = { synonyms: loadSynonyms() } as PortalSearchIndexes
  let testDb: TestDb | undefined
  beforeAll(async () => {
    testDb = await createPortalDb()
    portal.procedures = await listProcedures({ db: testDb.db })
    portal.index = buildSearchIndex({ procedures: portal.procedures, synonyms: portal.synonyms })
    portal.viaAddAll = buildSearchIndex({
      procedures: portal.procedures,
      synonyms: portal.synonyms,
      loader: 'addAll',
    })
  }, 60_000)
  afterAll(() => testDb?.close())
  return portal
}
