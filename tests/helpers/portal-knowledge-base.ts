/**
 * Tests of answers and search over the real records: a migrated test database with the national
 * portal's export imported (as of 2026-07-15) and the knowledge base built over it, for the file
 * or describe block that calls {@link usePortalKnowledgeBase}.
 * @module
 */
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { importProcedures } from '../../knowledge/procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF } from '../../knowledge/procedures/read-export.ts'
import { createTestDb, type TestDb } from './create-test-db.ts'
import { proceduresFile } from './paths.ts'

export type PortalKnowledgeBase = { testDb: TestDb; kb: KnowledgeBase }

/**
 * A fresh test database holding the national export as of its date: a copy of the run's shared
 * fixture (built once by tests/setup/build-shared-fixtures.ts), or, in a project without it, the
 * export imported here. Tests may change it freely.
 */
export const createPortalDb = async (): Promise<TestDb> => {
  const template = inject('portalDbTemplate')
  if (template) return createTestDb({ from: template })
  const testDb = await createTestDb()
  await importProcedures({ db: testDb.db, filePath: proceduresFile, asOf: NATIONAL_EXPORT_AS_OF })
  return testDb
}

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
    portal.testDb = await createPortalDb()
    portal.kb = await createKnowledgeBase({ db: portal.testDb.db })
    await prepare?.(portal)
  }, 60_000)
  afterAll(() => {
    portal.kb?.close()
    portal.testDb?.close()
  })
  return portal
}

/**
 * A describe block over the national export: {@link usePortalKnowledgeBase} registered for it and
 * handed to `declare`, which declares its tests.
 */
export const describeOnPortal = (title: string, declare: (portal: PortalKnowledgeBase) => void): void => {
  describe(title, () => declare(usePortalKnowledgeBase()))
}

/**
 * What an answer settles on, to check in one assertion: its kind and the code of the procedure
 * it answers with (undefined when it names none).
 */
export const kindAndCode = (answer: { kind: string; procedure?: { code: string } | undefined }) => ({
  kind: answer.kind,
  code: answer.procedure?.code,
})
