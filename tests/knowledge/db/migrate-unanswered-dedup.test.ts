import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../../knowledge/db/client.ts'
import { migrateDb } from '../../../knowledge/db/migrate.ts'
import { copyMigrationsBefore } from '../../helpers/create-test-db.ts'

describe('migration 0004 (unanswered questions de-duplication)', () => {
  let dir = ''
  let db: Db | undefined
  afterEach(() => {
    db?.$client.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the questions of a database from before it, each counted once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-migrate-'))
    // The migrations as they were before 0004.
    const before = copyMigrationsBefore({ dir, before: '0004', name: 'before' })
    db = await createDb({ url: `file:${join(dir, 'old.db')}` })
    await migrate(db, { migrationsFolder: before })
    await db.$client.execute(
      "INSERT INTO unanswered_questions (channel, text, reason, created_at) VALUES ('web', 'giá vàng', 'not_found', 1000), ('web', 'giá vàng', 'not_found', 2000)",
    )

    await migrateDb(db)
    const rows = await db.$client.execute(
      'SELECT text, count, last_asked_at, question_key FROM unanswered_questions ORDER BY id',
    )
    expect(rows.rows.map((r) => ({ ...r }))).toEqual([
      { text: 'giá vàng', count: 1, last_asked_at: 1000, question_key: null },
      { text: 'giá vàng', count: 1, last_asked_at: 2000, question_key: null },
    ])
  })
})
