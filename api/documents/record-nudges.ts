/**
 * Counters from the extension's nudges (an unsigned attachment, a scanned paper, a print):
 * how often shown, accepted, overridden — per agency and day, never any content.
 * @module
 */
import { sql } from 'drizzle-orm'
import { nudgeCounters } from '../../knowledge/db/schema/documents.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

export type NudgeKind = 'unsigned_attachment' | 'scanned_paper' | 'print'
export type NudgeAction = 'shown' | 'accepted' | 'overridden'

export const recordNudges = async ({
  svc,
  caller,
  kind,
  action,
  count = 1,
  now = new Date(),
}: {
  svc: DocumentsService
  caller: Caller
  kind: NudgeKind
  action: NudgeAction
  count?: number
  now?: Date
}) => {
  requireRole(caller.official.role, 'recordNudges')
  const day = now.toISOString().slice(0, 10)
  const row = {
    agencyCode: caller.agency.code,
    day,
    kind,
    shown: 0,
    accepted: 0,
    overridden: 0,
    [action]: count,
  }
  await svc.db
    .insert(nudgeCounters)
    .values(row)
    .onConflictDoUpdate({
      target: [nudgeCounters.agencyCode, nudgeCounters.day, nudgeCounters.kind],
      set: { [action]: sql`${nudgeCounters[action]} + ${count}` },
    })
}
