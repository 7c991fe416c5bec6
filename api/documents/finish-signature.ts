/**
 * The last step of every signature, local or remote: the CMS is built around the signer's
 * signature in a PDF worker and the signed PDF is stored, audited, in one batch.
 * @module
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { certificates, signingSessions } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import type { SigningSessionRow } from './load-signing-session.ts'

/** Builds the CMS around a signature (in a PDF worker) and stores the signed PDF, audited, in one batch. */
export const finishSignature = async (
  svc: DocumentsService,
  caller: Caller,
  session: SigningSessionRow,
  rawSignature: Uint8Array,
) => {
  const cert = session.certificateSerial
    ? await svc.db.select().from(certificates).where(eq(certificates.serial, session.certificateSerial)).get()
    : undefined
  if (!cert || !session.signingTime) throw new AppError('UNPROCESSABLE', 'Phiên ký chưa gắn chứng thư nào.')
  const signed = Buffer.from(
    await svc.pdf.run({
      op: 'complete',
      prepared: session.prepared,
      certificatePem: cert.pem,
      certificateSerial: cert.serial,
      signingTime: session.signingTime,
      signature: rawSignature,
      tsaUrl: svc.tsaUrl,
    }),
  )
  const sha256 = createHash('sha256').update(signed).digest('hex')
  const at = new Date().toISOString()
  await svc.db.batch([
    svc.db
      .update(signingSessions)
      .set({ status: 'signed', signed })
      .where(eq(signingSessions.id, session.id)),
    recordAudit(svc.db, {
      actor: `official:${caller.official.id}`,
      action: 'document.sign',
      entity: 'signing_session',
      entityId: session.id,
      detail: { role: session.role, certificateSerial: cert.serial, signer: caller.official.name, sha256 },
      at,
    }),
  ])
  return { pdf: signed, sha256 }
}
