/**
 * Reading a signing session: its state (a remote signature that has arrived is embedded on the
 * way) and the signed PDF once it is finished.
 * @module
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { signingSessions } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { finishSignature } from './finish-signature.ts'
import { loadSession } from './load-signing-session.ts'

export type GetSigningSessionOptions = { svc: DocumentsService; caller: Caller; sessionId: string }

/** The session's state; a remote signature that has arrived is embedded on the way. */
export const getSigningSession = async ({ svc, caller, sessionId }: GetSigningSessionOptions) => {
  const session = await loadSession(svc, caller, sessionId)
  if (session.status !== 'pending' || !session.remoteRef || !svc.remote) {
    return {
      id: session.id,
      role: session.role,
      status: session.status,
      certificateSerial: session.certificateSerial,
    }
  }
  const remote = await svc.remote.getStatus(session.remoteRef)
  let status: string = remote.status
  if (remote.status === 'signed' && remote.signature) {
    await finishSignature(svc, caller, session, remote.signature)
  } else if (remote.status === 'rejected' || remote.status === 'expired') {
    await svc.db
      .update(signingSessions)
      .set({ status: remote.status })
      .where(eq(signingSessions.id, session.id))
  } else status = 'pending'
  return { id: session.id, role: session.role, status, certificateSerial: session.certificateSerial }
}

/** The signed PDF of a finished session. */
export const getSignedPdf = async ({ svc, caller, sessionId }: GetSigningSessionOptions) => {
  const session = await loadSession(svc, caller, sessionId)
  if (session.status !== 'signed' || !session.signed) {
    throw new AppError('CONFLICT', `Phiên ký chưa xong (trạng thái "${session.status}").`)
  }
  return { pdf: session.signed, sha256: createHash('sha256').update(session.signed).digest('hex') }
}
