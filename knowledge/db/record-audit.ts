import type { Db } from './client.ts'
import { auditLog } from './schema/index.ts'

/** One line of the audit log: who (`actor`) did what (`action`) to which record (`entity`, `entityId`). */
export type AuditEntry = {
  actor: string
  action: string
  entity: string
  entityId: string | number
  /** what an admin needs to understand the change later; none when the action says it all */
  detail?: unknown
  /** ISO time of the change; now when not given */
  at?: string
}

/**
 * The insert of one audit line, for admins' and officials' actions alike: await it inside the transaction
 * of the change it records, or put it in the same `db.batch` so both are written or neither.
 */
export const recordAudit = (db: Pick<Db, 'insert'>, { entityId, detail = null, at, ...entry }: AuditEntry) =>
  db
    .insert(auditLog)
    .values({ ...entry, entityId: String(entityId), detail, at: at ?? new Date().toISOString() })
