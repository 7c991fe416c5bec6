/**
 * A second connection to the same database for counters whose last moments may be lost on a
 * power cut without harm (rate-limit buckets): WAL with `synchronous = NORMAL`, so a commit
 * does not wait for the disk to flush (measured: about 0.4 ms instead of 6 ms per update on the
 * development machine), and a short busy timeout, so a counter never holds the event loop
 * while another writer (an import, another process) has the database. The database stays
 * consistent either way; only its durability for these rows is relaxed. Everything else is
 * written through the main connection, flushed at every commit.
 * @module
 */
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import type { Db } from './client.ts'
import * as schema from './schema/index.ts'

/** How long a counter update waits for another writer before the caller counts elsewhere. */
export const COUNTER_BUSY_TIMEOUT_MS = 50

const opened = new WeakMap<Db, Promise<Db>>()

/** The main database file of a local database, or null (in memory, a libSQL server). */
const mainFile = async (db: Db): Promise<string | null> => {
  try {
    const { rows } = await db.$client.execute('PRAGMA database_list')
    const file = rows.find((r) => r['name'] === 'main')?.['file']
    return typeof file === 'string' && file !== '' ? file : null
  } catch {
    return null
  }
}

const open = async (db: Db): Promise<Db> => {
  // A libSQL server flushes on its own terms; it also names its own file in
  // `PRAGMA database_list`, which must never be opened behind its back (on the same host it exists).
  if (db.$client.protocol !== 'file') return db
  const file = await mainFile(db)
  // An in-memory database has one connection.
  if (!file) return db
  const client = createClient({ url: `file:${file}`, concurrency: 1, timeout: COUNTER_BUSY_TIMEOUT_MS })
  await client.execute('PRAGMA synchronous = NORMAL')
  // Closed with the main connection.
  const close = db.$client.close.bind(db.$client)
  db.$client.close = () => {
    client.close()
    close()
  }
  return drizzle(client, { schema }) as Db
}

/**
 * @returns the counter connection of `db`, opened on first use and shared by every caller;
 *   `db` itself for a database that is not a local file
 */
export const openCounterDb = (db: Db): Promise<Db> => {
  let counter = opened.get(db)
  if (!counter) {
    counter = open(db).catch(() => db)
    opened.set(db, counter)
  }
  return counter
}
