/**
 * Tests of answers and search over the real records: a migrated test database with the national
 * portal's export imported (as of 2026-07-15) and the knowledge base built over it, for the file
 * or describe block that calls {@link usePortalKnowledgeBase}.
 * @module
 */
import { afterAll, beforeAll } from 'vitest'
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { importProcedures } from '../../knowledge/procedures/import-procedures.ts'
import { createTestDb, type TestDb } from './create-test-db.ts'
import { proceduresFile } from './paths.ts'

export type PortalKnowledgeBase = { testDb: TestDb; kb: KnowledgeBase }

/**
 * Registers `beforeAll` (database, import, knowledge base, then `prepare`) and `afterAll`.
 * @returns the database and knowledge base; its fields are set once `beforeAll` ran
 */
export const usePortalKnowledgeBase = ({
  prepare,
}: {
  prepare?: (portal: PortalKnowledgeBase) => Promise<void>
} = {}): PortalKnowledgeBase => {
  const portal = {} as PortalKnowledgeBase
  beforeAll(async () => {
    portal.testDb = await createTestDb()
    await importProcedures({ db: portal.testDb.db, filePath: proceduresFile, asOf: '2026-07-15' })
    portal.kb = await createKnowledgeBase({ db: portal.testDb.db })
    await prepare?.(portal)
  }, 60_000)
  afterAll(() => {
    portal.kb?.close()
    portal.testDb?.close()
  })
  return portal
}
