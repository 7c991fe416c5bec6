/**
 * Agencies by folded name or code, for the recipients picker.
 * @module
 */
import type { Db } from '../../knowledge/db/client.ts'
import { agencies } from '../../knowledge/db/schema/documents.ts'
import { foldVietnamese } from '../../knowledge/search/normalize-vietnamese.ts'

export const listAgencies = async ({ db, q = '', limit = 50 }: { db: Db; q?: string; limit?: number }) => {
  const rows = await db.select().from(agencies).orderBy(agencies.code)
  const words = foldVietnamese(q).split(/\s+/).filter(Boolean)
  // every word of the query, in any order: "tai nguyen moi truong" finds "Sở Tài nguyên và Môi trường"
  const matches = (r: { code: string; name: string }) => {
    const hay = `${foldVietnamese(r.name)} ${r.code.toLowerCase()}`
    return words.every((w) => hay.includes(w))
  }
  return rows
    .filter(matches)
    .slice(0, limit)
    .map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode }))
}
