import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../../../knowledge/db/client.ts'
import { createCounterDb, openCounterDb } from '../../../knowledge/db/open-counter-db.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'
import { startLibsqlServer } from '../../helpers/libsql-server.ts'

describe('openCounterDb', () => {
  let t: TestDb | undefined
  afterEach(() => t?.close())

  it('opens one second connection to the same file whose commits do not wait for the disk', async () => {
    t = await createTestDb()
    const counter = await openCounterDb(t.db)
    expect(counter).not.toBe(t.db)
    const sync = async (db: typeof counter) =>
      (await db.$client.execute('PRAGMA synchronous')).rows[0]?.['synchronous']
    expect(await sync(counter)).toBe(1) // NORMAL
    expect(await sync(t.db)).toBe(2) // FULL: everything else is flushed at every commit
    await counter.$client.execute("INSERT INTO request_limits VALUES ('k', 1, 2, 1)")
    const rows = await t.db.$client.execute('SELECT key FROM request_limits')
    expect(rows.rows.map((r) => r['key'])).toEqual(['k'])
  })

  it('is opened once for the app and shared by everything that counts through it', async () => {
    t = await createTestDb()
    const counters = createCounterDb(t.db)
    const counter = await counters.connection()
    expect(counter).not.toBe(t.db)
    expect(await counters.connection()).toBe(counter)
    const [a, b] = await Promise.all([
      counters.execute({ sql: "INSERT INTO request_limits VALUES ('a', 1, 2, 1) RETURNING key", args: [] }),
      counters.execute({ sql: "INSERT INTO request_limits VALUES ('b', 1, 2, 1) RETURNING key", args: [] }),
    ])
    expect([a?.rows[0]?.['key'], b?.rows[0]?.['key']]).toEqual(['a', 'b'])
  })

  it('is closed with the main connection', async () => {
    t = await createTestDb()
    const counter = await openCounterDb(t.db)
    t.close()
    t = undefined
    expect(counter.$client.closed).toBe(true)
  })

  it('uses the database itself when it is not a local file', async () => {
    const memory = await createDb({ url: ':memory:' })
    try {
      expect(await openCounterDb(memory)).toBe(memory)
    } finally {
      memory.$client.close()
    }
  })

  it('uses a libSQL server itself, never the file the server names as its own', async () => {
    const server = await startLibsqlServer()
    const remote = await createDb({ url: server.url, authToken: server.authToken })
    try {
      // sqld answers PRAGMA database_list with its data file, which exists on this host
      const { rows } = await remote.$client.execute('PRAGMA database_list')
      expect(rows[0]?.['file']).toMatch(/data/)
      expect(await openCounterDb(remote)).toBe(remote)
    } finally {
      remote.$client.close()
      await server.stop()
    }
  })
})
