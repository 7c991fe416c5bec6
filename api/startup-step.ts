/**
 * Start-up steps that fail with what was being done, on which file or URL, and why (SQLite's
 * code and message): `trolyso failed to start: applying the database migrations (file:…): …`.
 * @module
 */
import type { Config } from './config.ts'
import { describeStorageError } from './errors.ts'

/** A start-up step that failed: what was being done, on which file or URL, and why. */
export class StartupError extends Error {
  constructor(what: string, where: string, cause: unknown) {
    const why = describeStorageError(cause) ?? (cause instanceof Error ? cause.message : String(cause))
    const hint = /SQLITE_(CANTOPEN|READONLY)|EACCES|EROFS/.test(why)
      ? ' (check that the folder exists and is writable)'
      : ''
    super(`${what} (${where}): ${why}${hint}`, { cause })
  }
}

/** Runs one start-up step; its failure becomes a StartupError naming `what` and `where`. */
export const runStartupStep = async <T>(what: string, where: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (error) {
    throw new StartupError(what, where, error)
  }
}

/** The database URL without credentials (where a start-up step worked). */
export const whereOf = (config: Config) => config.database.url.replace(/\/\/[^@/]*@/, '//')
