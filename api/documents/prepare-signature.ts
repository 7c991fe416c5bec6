/**
 * Step one of signing: the server adds an empty signature to the PDF (incremental
 * update), digests its byte ranges and returns the DER SignedAttributes the signer signs.
 * NĐ 30/2020 art. 32(2): the organisation's signature only after the competent person's.
 * @module
 */
import { createHash, randomUUID } from 'node:crypto'
import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm'
import { certificates, signingSessions } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { SignatureRole } from './add-signature-placeholder.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

export const SESSION_MINUTES = 30

export type PrepareSignatureOptions = {
  svc: DocumentsService
  caller: Caller
  pdf: Uint8Array
  role: SignatureRole
  certificateSerial?: string | undefined
  now?: Date
}

/** The caller's certificate by serial, or their newest valid one; null when they have none. */
export const findSigningCertificate = async (
  svc: DocumentsService,
  officialId: string,
  serial?: string | null,
) => {
  const now = new Date().toISOString()
  const conditions = [
    eq(certificates.officialId, officialId),
    isNull(certificates.revokedAt),
    gt(certificates.notAfter, now),
  ]
  if (serial) conditions.push(eq(certificates.serial, serial.toUpperCase()))
  const row = await svc.db
    .select()
    .from(certificates)
    .where(and(...conditions))
    .orderBy(desc(certificates.createdAt))
    .get()
  if (!row && serial) {
    throw new AppError(
      'UNPROCESSABLE',
      `certificateSerial: chứng thư ${serial} không thuộc về bạn hoặc đã hết hiệu lực.`,
    )
  }
  return row ?? null
}

export { byteRangeOf, signedAttributesFor } from './compute-signed-attributes.ts'

/**
 * @throws AppError 403 when the caller's role may not sign in this capacity, 409 when the
 *   organisation signs before an approver (or an approver after the organisation), 422
 *   for a PDF whose existing signatures do not verify or a caller without a certificate
 */
export const prepareSignature = async ({
  svc,
  caller,
  pdf,
  role,
  certificateSerial,
  now = new Date(),
}: PrepareSignatureOptions) => {
  requireRole(caller.official.role, role === 'approver' ? 'signAsApprover' : 'signAsOrganisation')
  const existing = await svc.verifyPdf(pdf)
  if (existing.status === 'signed_invalid') {
    throw new AppError('UNPROCESSABLE', 'Tệp đã có chữ ký không hợp lệ; không ký thêm được.', {
      details: existing,
    })
  }
  const roles = existing.signatures.map((s) => s.role)
  if (role === 'organisation' && !roles.includes('approver')) {
    throw new AppError(
      'CONFLICT',
      'Văn thư chỉ ký số của cơ quan sau khi người có thẩm quyền đã ký (NĐ 30/2020, Điều 32). Chưa có chữ ký của lãnh đạo.',
    )
  }
  if (role === 'approver' && roles.includes('organisation')) {
    throw new AppError('CONFLICT', 'Văn bản đã có chữ ký số của cơ quan; lãnh đạo phải ký trước văn thư.')
  }
  const cert = await findSigningCertificate(svc, caller.official.id, certificateSerial)
  if (!cert && !svc.remote) {
    throw new AppError(
      'UNPROCESSABLE',
      'Bạn chưa có chứng thư ký số: gửi CSR tới POST /v1/certificates trước.',
    )
  }
  const signingTime = new Date(Math.floor(now.getTime() / 1000) * 1000)
  const prepared = await svc.pdf.run({
    op: 'prepare',
    pdf,
    role,
    signerName: caller.official.name,
    signingTime: signingTime.toISOString(),
    certificatePem: cert?.pem ?? null,
  })
  const toBeSigned = prepared.toBeSigned
  // sessions hold a copy of the PDF: drop those that expired more than a day ago
  await svc.db
    .delete(signingSessions)
    .where(lt(signingSessions.expiresAt, new Date(now.getTime() - 86_400_000).toISOString()))
  const id = randomUUID()
  await svc.db.insert(signingSessions).values({
    id,
    officialId: caller.official.id,
    role,
    preparedSha256: createHash('sha256').update(prepared.pdf).digest('hex'),
    prepared: Buffer.from(prepared.pdf),
    digest: toBeSigned ? createHash('sha256').update(toBeSigned).digest('hex') : '',
    status: 'pending',
    certificateSerial: cert?.serial ?? null,
    signingTime: signingTime.toISOString(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_MINUTES * 60_000).toISOString(),
  })
  return {
    sessionId: id,
    pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    toBeSigned: toBeSigned ? Buffer.from(toBeSigned).toString('base64') : null,
    algorithm: 'ECDSA-P256-SHA256' as const,
    certificateSerial: cert?.serial ?? null,
  }
}
