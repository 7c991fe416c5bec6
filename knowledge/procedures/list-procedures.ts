/**
 * Reads every stored procedure (for building the search index) and the knowledge-base
 * version that changes whenever a procedure is inserted, updated or deleted.
 * @module
 */
import { asc, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { kbMeta, procedures } from '../db/schema/index.ts'
import type { Procedure } from './procedure.types.ts'

export const KB_VERSION_KEY = 'procedures_version'

export type ListProceduresOptions = { db: Db }

export const listProcedures = async ({ db }: ListProceduresOptions): Promise<Procedure[]> =>
  (await db.select().from(procedures)) as Procedure[]

/**
 * Every stored procedure in the order `listProcedures` returns them (rowid), read a page at a
 * time with the event loop given a turn between pages, for a rebuild while requests are served.
 */
export const listProceduresInPages = async ({
  db,
  pageSize = 100,
}: ListProceduresOptions & { pageSize?: number }): Promise<Procedure[]> => {
  const rowid = sql<number>`rowid`
  const out: Procedure[] = []
  for (let after = 0; ; ) {
    const page = await db
      .select({ rowid, row: procedures })
      .from(procedures)
      .where(gt(rowid, after))
      .orderBy(asc(rowid))
      .limit(pageSize)
    for (const { row } of page) out.push(row as Procedure)
    if (page.length < pageSize) return out
    after = page.at(-1)?.rowid ?? after
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

/** @returns the current version counter ("0" for a knowledge base never written to) */
export const getKnowledgeBaseVersion = async ({ db }: ListProceduresOptions): Promise<string> => {
  const rows = await db.select().from(kbMeta).where(eq(kbMeta.key, KB_VERSION_KEY)).limit(1)
  return rows[0]?.value ?? '0'
}
