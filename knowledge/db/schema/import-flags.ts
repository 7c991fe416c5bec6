/**
 * The work queue of records an import flagged for a person to look at: fees that contradict
 * themselves, legal basis that could not be read, links that were dropped, district-level
 * bodies that no longer exist. One row per record and reason; a later import refreshes the
 * message but keeps what staff decided.
 * @module
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { isoTime, serialId } from './columns.ts'

export const IMPORT_FLAG_STATUSES = ['open', 'done'] as const
export type ImportFlagStatus = (typeof IMPORT_FLAG_STATUSES)[number]

export const importFlags = sqliteTable(
  'import_flags',
  {
    id: serialId(),
    procedureCode: text('procedure_code').notNull(),
    /** The import warning code (`FEE_AMOUNT_MISMATCH`, `LEGAL_MALFORMED`, …) or `DISTRICT_BODY`. */
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    /** Line of the export the record came from. */
    line: integer('line').notNull(),
    importId: text('import_id').notNull(),
    status: text('status').$type<ImportFlagStatus>().notNull(),
    note: text('note'),
    flaggedAt: isoTime('flagged_at'),
    doneBy: text('done_by'),
    doneAt: text('done_at'),
  },
  (t) => [
    uniqueIndex('import_flags_record_idx').on(t.procedureCode, t.reason),
    index('import_flags_status_idx').on(t.status, t.id),
  ],
)

export type ImportFlag = typeof importFlags.$inferSelect
