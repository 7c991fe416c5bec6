/**
 * Reads one stored procedure by its national code.
 * @module
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { procedures } from '../db/schema/index.ts'
import type { Procedure } from './procedure.types.ts'

export type GetProcedureOptions = { db: Db; code: string }

/** @returns the record, or null when no procedure has that code */
export const getProcedure = async ({ db, code }: GetProcedureOptions): Promise<Procedure | null> => {
  const rows = await db.select().from(procedures).where(eq(procedures.code, code)).limit(1)
  return (rows[0] as Procedure | undefined) ?? null
}
