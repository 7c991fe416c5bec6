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
import { createClient, type InValue, type ResultSet } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import type { Db } from './client.ts'
import * as schema from './schema/index.ts'

/** How long a counter update waits for another writer before the caller counts elsewhere. */
export const COUNTER_BUSY_TIMEOUT_MS = 50

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
 * Opens a counter connection to `db`; {@link createCounterDb} does it once per app.
 * @returns the counter connection, or `db` itself for a database that is not a local file
 *   (or when the second connection cannot be opened)
 */
export const openCounterDb = (db: Db): Promise<Db> => open(db).catch(() => db)

/** A plain SQL statement with its arguments, as the counters run them. */
export type CounterStatement = { sql: string; args: InValue[] }

/**
 * The counters of one app: built once by the composition root (api/compose-services.ts) and
 * handed to every limit that counts in the database, so they share one counter connection and
 * one queue of writes.
 */
export type CounterDb = {
  /** the counter connection, opened on first use */
  connection: () => Promise<Db>
  /**
   * Runs a statement on the counter connection. Statements taken in the same turn of the event
   * loop (several requests arriving together) are committed in one transaction: one lock and
   * one WAL commit for all of them instead of one each. Each still runs whole and in order, so
   * every result is as exact as alone.
   */
  execute: (statement: CounterStatement) => Promise<ResultSet>
}

type Queued = CounterStatement & { resolve: (result: ResultSet) => void; reject: (error: unknown) => void }

export const createCounterDb = (db: Db): CounterDb => {
  let opened: Promise<Db> | undefined
  const connection = () => {
    opened ??= openCounterDb(db)
    return opened
  }
  let queue: Queued[] = []
  const flush = async () => {
    const group = queue
    queue = []
    try {
      const counter = await connection()
      const results = await counter.$client.batch(
        group.map(({ sql, args }) => ({ sql, args })),
        'write',
      )
      for (const [i, q] of group.entries()) q.resolve(results[i] as ResultSet)
    } catch (error) {
      for (const q of group) q.reject(error)
    }
  }
  return {
    connection,
    execute: (statement) =>
      new Promise<ResultSet>((resolve, reject) => {
        if (queue.push({ ...statement, resolve, reject }) === 1) setImmediate(() => void flush())
      }),
  }
}
