import { afterEach, describe, expect, it } from 'vitest'
import { migrateDb } from '../../../knowledge/db/migrate.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'

describe('migrateDb', () => {
  let t: TestDb | undefined
  afterEach(() => t?.close())

  it('creates every table and can run again on an up-to-date database', async () => {
    t = await createTestDb()
    await migrateDb(t.db)
    const rows = await t.db.$client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    const names = rows.rows.map((r) => String(r['name']))
    expect(names).toEqual(
      expect.arrayContaining(['procedures', 'procedure_revisions', 'chat_sessions', 'documents', 'agencies']),
    )
  })
})
