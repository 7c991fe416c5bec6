/**
 * Fills an empty knowledge base on first start: the national export shipped with trolyso
 * (2,642 procedures, the default), the starter set of common procedures (quick demos and
 * tests), or nothing.
 * @module
 */
import { count } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { procedures } from '../db/schema/index.ts'
import { type ImportProgress, importProcedures } from './import-procedures.ts'
import { importProceduresInWorker } from './import-procedures-in-worker.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from './read-export.ts'
import { seedStarterProcedures } from './seed-starter-procedures.ts'

export const KB_SEEDS = ['national', 'starter', 'none'] as const
export type KbSeed = (typeof KB_SEEDS)[number]

export type SeedKnowledgeBaseOptions = {
  db: Db
  seed: KbSeed
  /** Called while the national export is read and written. */
  onProgress?: (progress: ImportProgress) => void
  /** The export seeded by `national` (the shipped file by default). */
  nationalFile?: string
  /**
   * When given, the national export is read and written in a worker thread with its own
   * connection to this database, so the memory the import takes goes away with the thread.
   */
  database?: { url: string; authToken?: string | undefined }
}

/** @returns whether the knowledge base holds no procedure yet */
export const isKnowledgeBaseEmpty = async ({ db }: { db: Db }): Promise<boolean> => {
  const [row] = await db.select({ n: count() }).from(procedures)
  return (row?.n ?? 0) === 0
}

/**
 * Seeds only an empty knowledge base: an admin's data is never overwritten.
 * @returns how many procedures were inserted (0 when it was not empty or `seed` is none)
 * @example await seedKnowledgeBase({ db, seed: 'national', onProgress: console.error })
 */
export const seedKnowledgeBase = async ({
  db,
  seed,
  onProgress,
  nationalFile = NATIONAL_EXPORT_FILE,
  database,
}: SeedKnowledgeBaseOptions): Promise<number> => {
  if (seed === 'none' || !(await isKnowledgeBaseEmpty({ db }))) return 0
  if (seed === 'starter') return seedStarterProcedures({ db })
  const options = {
    db,
    filePath: nationalFile,
    asOf: nationalFile === NATIONAL_EXPORT_FILE ? NATIONAL_EXPORT_AS_OF : undefined,
    actor: 'seed:national',
    onProgress,
  }
  const summary = database
    ? await importProceduresInWorker({ ...options, database })
    : await importProcedures(options)
  return summary.inserted
}
