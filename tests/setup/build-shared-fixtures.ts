/**
 * vitest globalSetup of the node tests: builds, once per run, the fixtures that every test file
 * would otherwise build again and that no test changes, and hands their paths to the tests
 * (`inject`). Today: a migrated database with the national export imported as of its date, which
 * {@link ../helpers/portal-knowledge-base.ts} copies for each file instead of importing the 2,642
 * records again (about 6 s each on the 2-core machine). Built from the shipped export on every run,
 * so it never goes stale; removed when the run ends.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDb } from '../../knowledge/db/client.ts'
import { migrateDb } from '../../knowledge/db/migrate.ts'
import { importProcedures } from '../../knowledge/procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from '../../knowledge/procedures/read-export.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** a migrated database file holding the national export; copy it, never open it in place */
    portalDbTemplate: string
  }
}

export default async function buildSharedFixtures(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-fixtures-'))
  const file = join(dir, 'portal.db')
  const db = await createDb({ url: `file:${file}` })
  try {
    await migrateDb(db)
    await importProcedures({ db, filePath: NATIONAL_EXPORT_FILE, asOf: NATIONAL_EXPORT_AS_OF })
    // everything into the main file, so a copy of that one file is the whole database
    await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    db.$client.close()
  }
  project.provide('portalDbTemplate', file)
  return () => rmSync(dir, { recursive: true, force: true })
}
