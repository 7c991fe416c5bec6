/**
 * Step two of signing: the signer's signature over the SignedAttributes comes back and is
 * embedded, after checking it was made for the session's certificate.
 * @module
 */
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { finishSignature } from './finish-signature.ts'
import { loadSession, requirePending } from './load-signing-session.ts'

export type CompleteSignatureOptions = {
  svc: DocumentsService
  caller: Caller
  sessionId: string
  signature: Uint8Array
  certificateSerial?: string | undefined
}

/**
 * @returns the signed PDF and its SHA-256
 * @throws AppError 404 unknown session, 409 not pending, 422 signature/certificate mismatch
 */
export const completeSignature = async ({
  svc,
  caller,
  sessionId,
  signature,
  certificateSerial,
}: CompleteSignatureOptions) => {
  const session = await loadSession(svc, caller, sessionId)
  requirePending(session)
  if (
    certificateSerial &&
    session.certificateSerial &&
    certificateSerial.toUpperCase() !== session.certificateSerial
  ) {
    throw new AppError(
      'UNPROCESSABLE',
      `certificateSerial: phiên ký được chuẩn bị cho chứng thư ${session.certificateSerial}, không phải ${certificateSerial}.`,
    )
  }
  return finishSignature(svc, caller, session, signature)
}
