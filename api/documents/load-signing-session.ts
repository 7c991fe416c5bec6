/**
 * A signing session as its official sees it: other officials' sessions do not exist for them,
 * an expired one is marked so, and only a pending one takes a signature.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import { signingSessions } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'

export type SigningSessionRow = typeof signingSessions.$inferSelect

/** The caller's session; other officials' sessions do not exist for them. */
export const loadSession = async (svc: DocumentsService, caller: Caller, sessionId: string) => {
  const row = await svc.db
    .select()
    .from(signingSessions)
    .where(and(eq(signingSessions.id, sessionId), eq(signingSessions.officialId, caller.official.id)))
    .get()
  if (!row) throw new AppError('NOT_FOUND', `Không có phiên ký ${sessionId}.`)
  if (row.status === 'pending' && row.expiresAt < new Date().toISOString()) {
    await svc.db.update(signingSessions).set({ status: 'expired' }).where(eq(signingSessions.id, row.id))
    return { ...row, status: 'expired' }
  }
  return row
}

export const requirePending = (session: SigningSessionRow) => {
  if (session.status !== 'pending') {
    throw new AppError('CONFLICT', `Phiên ký đang ở trạng thái "${session.status}", không nhận chữ ký nữa.`)
  }
}
