/**
 * Reads every stored procedure (for building the search index) and the knowledge-base
 * version that changes whenever a procedure is inserted, updated or deleted.
 * @module
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { kbMeta, procedures } from '../db/schema/index.ts'
import type { Procedure } from './procedure.types.ts'

export const KB_VERSION_KEY = 'procedures_version'

export type ListProceduresOptions = { db: Db }

export const listProcedures = async ({ db }: ListProceduresOptions): Promise<Procedure[]> =>
  (await db.select().from(procedures)) as Procedure[]

/** @returns the current version counter ("0" for a knowledge base never written to) */
export const getKnowledgeBaseVersion = async ({ db }: ListProceduresOptions): Promise<string> => {
  const rows = await db.select().from(kbMeta).where(eq(kbMeta.key, KB_VERSION_KEY)).limit(1)
  return rows[0]?.value ?? '0'
}
