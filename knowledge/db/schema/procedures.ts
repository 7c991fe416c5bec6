/**
 * Procedure knowledge base tables: the structured procedure record, its revision history,
 * and the admin audit trail.
 * @module
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type {
  ProcedureChannel,
  ProcedureDocument,
  ProcedureLegalBasis,
} from '../../procedures/procedure.types.ts'
import { isoTime, jsonOf, serialId } from './columns.ts'

export const procedures = sqliteTable(
  'procedures',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    levels: jsonOf<string[]>('levels'),
    field: text('field').notNull().default(''),
    audience: jsonOf<string[]>('audience'),
    procedureType: text('procedure_type'),
    decisionNumber: text('decision_number'),
    competentAgency: text('competent_agency'),
    executingAgency: text('executing_agency'),
    address: text('address'),
    channels: jsonOf<ProcedureChannel[]>('channels'),
    documents: jsonOf<ProcedureDocument[]>('documents'),
    steps: jsonOf<string[]>('steps'),
    requirements: text('requirements'),
    results: jsonOf<string[]>('results'),
    legalBasis: jsonOf<ProcedureLegalBasis[]>('legal_basis'),
    url: text('url'),
    source: text('source').notNull(),
    sourceAgency: text('source_agency'),
    asOf: text('as_of').notNull(),
    revision: integer('revision').notNull().default(1),
    contentHash: text('content_hash').notNull(),
    updatedAt: isoTime('updated_at'),
  },
  (t) => [index('procedures_field_idx').on(t.field)],
)

/** Every stored version of a procedure, so admins can see and undo changes. */
export const procedureRevisions = sqliteTable(
  'procedure_revisions',
  {
    id: serialId(),
    code: text('code').notNull(),
    revision: integer('revision').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    changedBy: text('changed_by').notNull(),
    reason: text('reason').notNull(),
    changedAt: isoTime('changed_at'),
  },
  (t) => [index('procedure_revisions_code_idx').on(t.code, t.revision)],
)

/** Knowledge-base wide counters, e.g. the version the search index is built from. */
export const kbMeta = sqliteTable('kb_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/** Who changed what, for admins' and officials' actions alike. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: serialId(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail', { mode: 'json' }),
    at: isoTime('at'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
)
