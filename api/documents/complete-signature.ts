/**
 * Step two of signing: the signer's ECDSA signature over the SignedAttributes comes back,
 * the server checks it against the certificate, wraps it in a CMS SignedData with the
 * chain and writes it into the reserved /Contents. Also the remote-signing variant, where
 * the provider returns the signature after the official confirms on the phone.
 * @module
 */
import { createHash, X509Certificate } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import * as pkijs from 'pkijs'
import { certificates, signingSessions } from '../../knowledge/db/schema/documents.ts'
import { auditLog } from '../../knowledge/db/schema/procedures.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { fromPem, fromPemAll, RSA_BITS, serialToHex, signingKeyOf, toPem } from './pki-encoding.ts'

type Session = typeof signingSessions.$inferSelect

/** ECDSA P-256 or RSA of a size tokens and remote providers use; anything else is refused before asking the phone. */
const requireSigningKey = (der: Uint8Array) => {
  const key = signingKeyOf(der)
  if (key.type === 'rsa' && !RSA_BITS.includes(key.bits)) {
    throw new AppError(
      'UNAVAILABLE',
      `Dịch vụ ký số từ xa cấp khoá RSA ${key.bits} bit; chỉ nhận RSA ${RSA_BITS.join('/')} bit hoặc ECDSA P-256.`,
    )
  }
}

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

const requirePending = (session: Session) => {
  if (session.status !== 'pending') {
    throw new AppError('CONFLICT', `Phiên ký đang ở trạng thái "${session.status}", không nhận chữ ký nữa.`)
  }
}

/** Builds the CMS around a signature (in a PDF worker) and stores the signed PDF, audited, in one batch. */
const finishSignature = async (
  svc: DocumentsService,
  caller: Caller,
  session: Session,
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
    svc.db.insert(auditLog).values({
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

/** Sends the hash to the remote provider; the official confirms on the phone. */
export const startRemoteSignature = async ({
  svc,
  caller,
  sessionId,
}: {
  svc: DocumentsService
  caller: Caller
  sessionId: string
}) => {
  if (!svc.remote)
    throw new AppError('UNAVAILABLE', 'Chưa cấu hình dịch vụ ký số từ xa (REMOTE_SIGNING_URL).')
  const session = await loadSession(svc, caller, sessionId)
  requirePending(session)
  if (session.remoteRef) return { status: 'pending' as const }
  const provided = await svc.remote.getCertificate({
    id: caller.official.id,
    name: caller.official.name,
    agencyCode: caller.agency.code,
    agencyName: caller.agency.name,
  })
  const der = fromPem(provided.certificatePem, 'CERTIFICATE')
  const parsed = pkijs.Certificate.fromBER(der)
  requireSigningKey(der)
  // the provider's intermediates are kept after the certificate and embedded in the CMS
  const bundle = [provided.certificatePem, ...provided.chainPem]
    .flatMap((pem) => fromPemAll(pem, 'CERTIFICATE'))
    .map((d) => toPem(d, 'CERTIFICATE'))
    .join('')
  const serial = serialToHex(parsed.serialNumber)
  const x509 = new X509Certificate(der)
  await svc.db
    .insert(certificates)
    .values({
      serial,
      officialId: caller.official.id,
      agencyCode: caller.agency.code,
      subject: x509.subject.replace(/\n/g, ', '),
      pem: bundle,
      notBefore: new Date(x509.validFrom).toISOString(),
      notAfter: new Date(x509.validTo).toISOString(),
      createdAt: new Date().toISOString(),
    })
    .onConflictDoNothing()
  const toBeSigned = await svc.pdf.run({
    op: 'toBeSigned',
    prepared: session.prepared,
    certificatePem: provided.certificatePem,
    signingTime: session.signingTime ?? session.createdAt,
  })
  const hash = createHash('sha256').update(toBeSigned).digest()
  const { transactionId } = await svc.remote.requestSignature({
    officialId: caller.official.id,
    certificatePem: provided.certificatePem,
    hash,
    hashAlgorithm: 'SHA-256',
    description: `Ký văn bản (${session.role}) — phiên ${session.id}`,
  })
  await svc.db
    .update(signingSessions)
    .set({ certificateSerial: serial, digest: hash.toString('hex'), remoteRef: transactionId })
    .where(eq(signingSessions.id, session.id))
  return { status: 'pending' as const }
}

/** The session's state; a remote signature that has arrived is embedded on the way. */
export const getSigningSession = async ({
  svc,
  caller,
  sessionId,
}: {
  svc: DocumentsService
  caller: Caller
  sessionId: string
}) => {
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
export const getSignedPdf = async ({
  svc,
  caller,
  sessionId,
}: {
  svc: DocumentsService
  caller: Caller
  sessionId: string
}) => {
  const session = await loadSession(svc, caller, sessionId)
  if (session.status !== 'signed' || !session.signed) {
    throw new AppError('CONFLICT', `Phiên ký chưa xong (trạng thái "${session.status}").`)
  }
  return { pdf: session.signed, sha256: createHash('sha256').update(session.signed).digest('hex') }
}
