/**
 * Counters from the extension's nudges (an unsigned attachment, a scanned paper, a print):
 * how often shown, accepted, overridden — per agency and day, never any content. The counts
 * are reported by the extension, not verified by the server, so what one official can add is
 * capped: at most NUDGE_MAX_PER_REQUEST per request and NUDGE_MAX_PER_OFFICIAL_DAY per
 * official and UTC day, all counters together.
 * @module
 */
import { and, eq, sql } from 'drizzle-orm'
import { nudgeCounters, nudgeQuota } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { CallerOptions } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

export type NudgeKind = 'unsigned_attachment' | 'scanned_paper' | 'print'
export type NudgeAction = 'shown' | 'accepted' | 'overridden'

/** largest increment one request may carry (one counter per request) */
export const NUDGE_MAX_PER_REQUEST = 20
/** increments one official may add per UTC day, over every counter */
export const NUDGE_MAX_PER_OFFICIAL_DAY = 200

export type RecordNudgesOptions = CallerOptions & {
  kind: NudgeKind
  action: NudgeAction
  count?: number
  now?: Date
}

/**
 * @returns how many increments were recorded
 * @throws AppError 400 above the per-request cap; 429 when the official's daily cap is reached
 *   (what still fitted is recorded, and the message says how much)
 */
export const recordNudges = async ({
  svc,
  caller,
  kind,
  action,
  count = 1,
  now = new Date(),
}: RecordNudgesOptions) => {
  requireRole(caller.official.role, 'recordNudges')
  if (!Number.isInteger(count) || count < 1 || count > NUDGE_MAX_PER_REQUEST) {
    throw new AppError('BAD_REQUEST', `count: từ 1 đến ${NUDGE_MAX_PER_REQUEST} mỗi lần gửi.`)
  }
  const day = now.toISOString().slice(0, 10)
  const recorded = await svc.db.transaction(async (tx) => {
    const quota = await tx
      .select({ used: nudgeQuota.used })
      .from(nudgeQuota)
      .where(and(eq(nudgeQuota.officialId, caller.official.id), eq(nudgeQuota.day, day)))
      .get()
    const fits = Math.max(0, Math.min(count, NUDGE_MAX_PER_OFFICIAL_DAY - (quota?.used ?? 0)))
    if (fits === 0) return 0
    await tx
      .insert(nudgeQuota)
      .values({ officialId: caller.official.id, day, used: fits })
      .onConflictDoUpdate({
        target: [nudgeQuota.officialId, nudgeQuota.day],
        set: { used: sql`${nudgeQuota.used} + ${fits}` },
      })
    await tx
      .insert(nudgeCounters)
      .values({
        agencyCode: caller.agency.code,
        day,
        kind,
        shown: 0,
        accepted: 0,
        overridden: 0,
        [action]: fits,
      })
      .onConflictDoUpdate({
        target: [nudgeCounters.agencyCode, nudgeCounters.day, nudgeCounters.kind],
        set: { [action]: sql`${nudgeCounters[action]} + ${fits}` },
      })
    return fits
  })
  if (recorded < count) {
    throw new AppError(
      'RATE_LIMITED',
      `Đã đạt giới hạn ${NUDGE_MAX_PER_OFFICIAL_DAY} lượt nhắc nhở được ghi nhận mỗi cán bộ mỗi ngày; lần này ghi nhận ${recorded}/${count}. Daily nudge limit reached.`,
      { details: { recorded, requested: count, dailyLimit: NUDGE_MAX_PER_OFFICIAL_DAY } },
    )
  }
  return recorded
}
