/**
 * Seeds the starter knowledge base into an empty database.
 * @module
 */
import type { Db } from '../db/client.ts'

export type SeedStarterProceduresOptions = { db: Db }

/** @returns how many procedures were inserted (0 when the knowledge base was not empty) */
export const seedStarterProcedures = async (_options: SeedStarterProceduresOptions): Promise<number> => 0
