/**
 * A real libSQL database in a fresh temporary folder, with the real migrations applied.
 * @module
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createDb, type Db } from '../../knowledge/db/client.ts'
import { migrateDb } from '../../knowledge/db/migrate.ts'

export type TestDb = { db: Db; url: string; dir: string; close: () => void }

/**
 * @param from a database file to start from (a copy of it; the file itself is never opened),
 *   e.g. the run's shared fixture of the national export; migrated like any other
 */
export const createTestDb = async ({ from }: { from?: string | undefined } = {}): Promise<TestDb> => {
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-test-'))
  const file = join(dir, 'test.db')
  if (from) copyFileSync(from, file)
  const url = `file:${file}`
  const db = await createDb({ url })
  await migrateDb(db)
  return {
    db,
    url,
    dir,
    close: () => {
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A fresh test database for the enclosing `describe` (or file): created before its tests and closed after
 * them, or one per test with `{ each: true }`. Read its fields inside tests, not while collecting them.
 */
export const useTestDb = ({ each = false }: { each?: boolean } = {}): TestDb => {
  const t = {} as TestDb
  ;(each ? beforeEach : beforeAll)(async () => {
    Object.assign(t, await createTestDb())
  })
  ;(each ? afterEach : afterAll)(() => t.close?.())
  return t
}

const shippedMigrations = fileURLToPath(new URL('../../knowledge/db/migrations', import.meta.url))

/**
 * A copy of the shipped migrations (in `dir`/`name`) whose journal stops before the migration
 * tagged `before` (e.g. `'0004'`): migrating with it gives a database of an earlier release.
 * @returns the copy's folder, for drizzle's `migrate(db, { migrationsFolder })`
 */
export const copyMigrationsBefore = ({
  dir,
  before,
  name = 'migrations',
}: {
  dir: string
  before: string
  name?: string
}) => {
  const folder = join(dir, name)
  cpSync(shippedMigrations, folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  journal.entries = journal.entries.filter((entry) => entry.tag < before)
  writeFileSync(journalFile, JSON.stringify(journal))
  return folder
}
