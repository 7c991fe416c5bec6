/**
 * Applies the drizzle-kit migrations shipped in `knowledge/db/migrations`.
 * @module
 */
import { fileURLToPath } from 'node:url'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from './client.ts'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** Brings the database schema up to date; safe to call on every start. */
export const migrateDb = async (db: Db): Promise<void> => {
  await migrate(db, { migrationsFolder })
}
