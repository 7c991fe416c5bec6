/**
 * Seeds the starter knowledge base (knowledge/data/starter-procedures.json: common
 * procedures taken from dichvucong.gov.vn) into an empty database.
 * @module
 */
import { readFile } from 'node:fs/promises'
import { count } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { procedures } from '../db/schema/index.ts'
import { ZProcedure } from './procedure.types.ts'
import { upsertProcedures } from './upsert-procedures.ts'

export type SeedStarterProceduresOptions = { db: Db }

const STARTER_FILE = new URL('../data/starter-procedures.json', import.meta.url)

/** @returns the starter procedures, validated */
export const loadStarterProcedures = async () =>
  z.array(ZProcedure).parse(JSON.parse(await readFile(STARTER_FILE, 'utf8')))

/** @returns how many procedures were inserted (0 when the knowledge base was not empty) */
export const seedStarterProcedures = async ({ db }: SeedStarterProceduresOptions): Promise<number> => {
  const [row] = await db.select({ n: count() }).from(procedures)
  if ((row?.n ?? 0) > 0) return 0
  const result = await upsertProcedures({ db, procedures: await loadStarterProcedures(), actor: 'seed' })
  return result.inserted
}
