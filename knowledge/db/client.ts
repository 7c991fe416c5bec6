/**
 * Opens the libSQL database: a local `file:` database by default, or a libSQL server
 * (`libsql://`, `http(s)://`) with an auth token, without code changes.
 * @module
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type Client, createClient, type TransactionMode } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import * as schema from './schema/index.ts'

export type Db = LibSQLDatabase<typeof schema> & { $client: Client }

export type CreateDbOptions = { url: string; authToken?: string | undefined }

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR); the
 * rollback drizzle then asks for fails with TRANSACTION_CLOSED and would replace the real
 * cause ("disk full") with a meaningless one. Such a rollback has nothing left to do.
 */
const keepTransactionErrors = (client: Client) => {
  const begin = client.transaction.bind(client)
  client.transaction = async (mode?: TransactionMode) => {
    const tx = await begin(mode)
    const rollback = tx.rollback.bind(tx)
    tx.rollback = () =>
      rollback().catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 'TRANSACTION_CLOSED') throw error
      })
    return tx
  }
}

/**
 * @param options.url `file:data/trolyso.db`, `:memory:`, `libsql://…` or `http(s)://…`
 * @returns a drizzle database over a libSQL client
 */
export const createDb = async ({ url, authToken }: CreateDbOptions): Promise<Db> => {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length)
    if (path && !path.startsWith(':memory:')) mkdirSync(dirname(path), { recursive: true })
  }
  // `timeout` is the busy timeout of every pooled connection: another process writing (an
  // import, officials:add) makes this one wait instead of failing with SQLITE_BUSY.
  const client = createClient({ url, authToken, timeout: 5000 })
  if (url.startsWith('file:')) {
    // WAL lets readers go on while the importer writes.
    await client.execute('PRAGMA journal_mode = WAL')
  }
  keepTransactionErrors(client)
  return drizzle(client, { schema }) as Db
}
