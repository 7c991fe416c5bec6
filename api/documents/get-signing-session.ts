/**
 * Reading a signing session: its state (a remote signature that has arrived is embedded on the
 * way), the prepared revision it will sign (to be shown to the signer before signing) and the
 * signed PDF once it is finished.
 * @module
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { signingSessions } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { finishSignature } from './finish-signature.ts'
import { loadSession, requirePending } from './load-signing-session.ts'

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

/**
 * The prepared revision of a pending session: the exact bytes the signature will cover (the
 * issuance stamp and the signature's appearance included), with an empty /Contents. A client
 * renders them for the signer and checks that the SHA-256 of their ByteRange is the
 * message-digest in the signed attributes it is asked to sign.
 * @throws AppError 404 (not the caller's), 409 (no longer pending)
 */
export const getPreparedPdf = async ({ svc, caller, sessionId }: GetSigningSessionOptions) => {
  const session = await loadSession(svc, caller, sessionId)
  requirePending(session)
  return { pdf: new Uint8Array(session.prepared), sha256: session.preparedSha256 }
}
