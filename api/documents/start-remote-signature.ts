/**
 * Remote signing: the provider's certificate is stored, the hash of the signed attributes is
 * sent to it, and the official confirms on the phone; `getSigningSession` picks the signature up.
 * @module
 */
import { createHash, X509Certificate } from 'node:crypto'
import { eq } from 'drizzle-orm'
import * as pkijs from 'pkijs'
import { certificates, signingSessions } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { loadSession, requirePending } from './load-signing-session.ts'
import { fromPem, fromPemAll, RSA_BITS, serialToHex, signingKeyOf, toPem } from './pki-encoding.ts'

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

export type StartRemoteSignatureOptions = { svc: DocumentsService; caller: Caller; sessionId: string }

/** Sends the hash to the remote provider; the official confirms on the phone. */
export const startRemoteSignature = async ({ svc, caller, sessionId }: StartRemoteSignatureOptions) => {
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
