/**
 * Opens the libSQL database: a local `file:` database by default, or a libSQL server
 * (`libsql://`, `http(s)://`) with an auth token, without code changes.
 * @module
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import * as schema from './schema/index.ts'

export type Db = LibSQLDatabase<typeof schema> & { $client: Client }

export type CreateDbOptions = { url: string; authToken?: string | undefined }

/**
 * @param options.url `file:data/trolyso.db`, `:memory:`, `libsql://…` or `http(s)://…`
 * @returns a drizzle database over a libSQL client
 */
export const createDb = async ({ url, authToken }: CreateDbOptions): Promise<Db> => {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length)
    if (path && !path.startsWith(':memory:')) mkdirSync(dirname(path), { recursive: true })
  }
  const client = createClient({ url, authToken })
  if (url.startsWith('file:')) {
    // WAL lets readers go on while the importer writes; busy_timeout waits for other processes.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA busy_timeout = 5000')
  }
  return drizzle(client, { schema }) as Db
}
