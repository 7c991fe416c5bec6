/**
 * Agencies by folded name or code, for the recipients picker.
 * @module
 */
import type { Db } from '../../knowledge/db/client.ts'
import { agencies } from '../../knowledge/db/schema/documents.ts'
import { foldText } from './fold-text.ts'

export const listAgencies = async ({ db, q = '', limit = 50 }: { db: Db; q?: string; limit?: number }) => {
  const rows = await db.select().from(agencies).orderBy(agencies.code)
  const needle = foldText(q)
  return rows
    .filter((r) => !needle || foldText(r.name).includes(needle) || r.code.toLowerCase().includes(needle))
    .slice(0, limit)
    .map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode }))
}
