/**
 * Puts the records an import flagged into the staff's work queue: fees that contradict
 * themselves, legal basis that could not be read, links dropped as unsafe or invalid, and
 * records that still name district-level bodies (gone since 1 July 2025).
 * @module
 */
import { sql } from 'drizzle-orm'
import { DISTRICT_MENTION } from '../answer/describe-where.ts'
import type { Db } from '../db/client.ts'
import { importFlags } from '../db/schema/index.ts'
import type { ImportWarning } from './import-procedures.ts'
import type { Procedure } from './procedure.types.ts'

/** Import warnings a person must look at (the others are noted in the report only). */
export const FLAGGED_WARNINGS = new Set([
  'FEE_FREE_WITH_AMOUNT',
  'FEE_AMOUNT_MISMATCH',
  'FEE_SET_BY_REGULATION',
  'LEGAL_MALFORMED',
  'URL_NOT_ALLOWED',
  'URL_INVALID',
])

export const DISTRICT_BODY = 'DISTRICT_BODY'

export type FlagImportedRecordsOptions = {
  db: Db
  importId: string
  warnings: ImportWarning[]
  /** The records to look for district-level bodies in (after the import: all stored ones). */
  records: Procedure[]
}

/** @returns how many flags were written (new or refreshed) */
export const flagImportedRecords = async ({
  db,
  importId,
  warnings,
  records,
}: FlagImportedRecordsOptions): Promise<number> => {
  const at = new Date().toISOString()
  const rows = new Map<string, typeof importFlags.$inferInsert>()
  const add = (procedureCode: string, reason: string, message: string, line: number) => {
    const key = `${procedureCode} ${reason}`
    const row = rows.get(key)
    if (row) row.message = `${row.message}; ${message}`.slice(0, 2000)
    else rows.set(key, { procedureCode, reason, message, line, importId, status: 'open', flaggedAt: at })
  }
  for (const w of warnings)
    if (w.procedure && FLAGGED_WARNINGS.has(w.code)) add(w.procedure, w.code, w.message, w.line)
  const lines = new Map(warnings.filter((w) => w.procedure).map((w) => [w.procedure as string, w.line]))
  for (const procedure of records) {
    const { code } = procedure
    const bodies = [procedure.competentAgency, procedure.executingAgency].filter(
      (text): text is string => !!text && DISTRICT_MENTION.test(text),
    )
    if (bodies.length)
      add(
        code,
        DISTRICT_BODY,
        `cơ quan cấp huyện (không còn từ 01/07/2025): ${bodies.join('; ')}`,
        lines.get(code) ?? 0,
      )
  }
  const values = [...rows.values()]
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insert(importFlags)
      .values(values.slice(i, i + 200))
      .onConflictDoUpdate({
        target: [importFlags.procedureCode, importFlags.reason],
        // A later import refreshes what is wrong; what staff decided stays.
        set: { message: sql`excluded.message`, line: sql`excluded.line`, importId: sql`excluded.import_id` },
      })
  }
  return values.length
}
