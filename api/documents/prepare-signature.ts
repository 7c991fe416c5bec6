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
import type { AppearanceRequest } from './build-signature-appearance.ts'
import { STAMP_NAME_PREFIX } from './compare-signed-revisions.ts'
import type { DocumentsService } from './documents-service.ts'
import { requireRole } from './official-roles.ts'
import { fromPem, signingKeyOf } from './pki-encoding.ts'
import { isOrganisationCertificate } from './read-certificate-policies.ts'
import { findSignatureImage, ownerOf } from './save-signature-image.ts'
import type { IssuanceStamp } from './stamp-issuance.ts'

export const SESSION_MINUTES = 30

export type PrepareSignatureOptions = {
  svc: DocumentsService
  caller: Caller
  pdf: Uint8Array
  role: SignatureRole
  certificateSerial?: string | undefined
  /** number and date the clerical office stamps on page 1 first (organisation only) */
  issuance?: IssuanceStamp | undefined
  /** document (default): in the signature block; copy: the organisation's text at the top right of page 1 */
  placement?: AppearanceRequest['placement'] | undefined
  /** the signature block, instead of the text search */
  signatureAt?: AppearanceRequest['at']
  now?: Date
}

/**
 * The caller's certificate by serial, or their newest valid one for the role: for the
 * organisation's signature an organisation certificate when they hold one, for the
 * approver's never one; null when they have none.
 */
export const findSigningCertificate = async (
  svc: DocumentsService,
  officialId: string,
  serial?: string | null,
  role?: SignatureRole,
) => {
  const now = new Date().toISOString()
  const conditions = [
    eq(certificates.officialId, officialId),
    isNull(certificates.revokedAt),
    gt(certificates.notAfter, now),
  ]
  if (serial) conditions.push(eq(certificates.serial, serial.toUpperCase()))
  const rows = await svc.db
    .select()
    .from(certificates)
    .where(and(...conditions))
    .orderBy(desc(certificates.createdAt))
  if (rows.length === 0 && serial) {
    throw new AppError(
      'UNPROCESSABLE',
      `certificateSerial: chứng thư ${serial} không thuộc về bạn hoặc đã hết hiệu lực.`,
    )
  }
  if (serial || !role) return rows[0] ?? null
  const isSeal = (row: (typeof rows)[number]) => isOrganisationCertificate(fromPem(row.pem, 'CERTIFICATE'))
  if (role === 'organisation') return rows.find(isSeal) ?? rows[0] ?? null
  return rows.find((row) => !isSeal(row)) ?? null
}

/** What the signer signs with: the extension's ECDSA P-256 key, or an RSA key (token, remote provider). */
const algorithmFor = (pem: string | null): 'ECDSA-P256-SHA256' | 'RSA-PKCS1-SHA256' =>
  pem && signingKeyOf(fromPem(pem, 'CERTIFICATE')).type === 'rsa' ? 'RSA-PKCS1-SHA256' : 'ECDSA-P256-SHA256'

export { byteRangeOf, signedAttributesFor } from './compute-signed-attributes.ts'

/**
 * @throws AppError 403 when the caller's role may not sign in this capacity, 409 when the
 *   organisation signs before an approver (or an approver after the organisation or after
 *   another approver), 422
 *   for a PDF whose existing signatures do not verify or a caller without a certificate
 */
export const prepareSignature = async ({
  svc,
  caller,
  pdf: uploaded,
  role,
  certificateSerial,
  issuance,
  placement = 'document',
  signatureAt,
  now = new Date(),
}: PrepareSignatureOptions) => {
  requireRole(caller.official.role, role === 'approver' ? 'signAsApprover' : 'signAsOrganisation')
  if (issuance && role !== 'organisation') {
    throw new AppError(
      'BAD_REQUEST',
      'issuance: số và ngày ban hành do văn thư ghi khi ký số của cơ quan (role organisation), không phải khi lãnh đạo ký.',
    )
  }
  const { verification: existing, pdf } = await svc.verifyPdf(uploaded)
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
  // completeness is by role, never by count: one competent person signs, then the organisation
  if (role === 'approver' && roles.includes('approver')) {
    throw new AppError(
      'CONFLICT',
      'Văn bản đã có chữ ký của người có thẩm quyền; không ký lần nữa. Văn thư ký số của cơ quan và phát hành từ hàng chờ phát hành.',
    )
  }
  if (issuance && Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).includes(`(${STAMP_NAME_PREFIX}`)) {
    throw new AppError('CONFLICT', 'Văn bản đã được ghi số, ngày ban hành; không ghi lần nữa.')
  }
  const cert = await findSigningCertificate(svc, caller.official.id, certificateSerial, role)
  if (!cert && !svc.remote) {
    throw new AppError(
      'UNPROCESSABLE',
      'Bạn chưa có chứng thư ký số: gửi CSR tới POST /v1/certificates trước.',
    )
  }
  if (placement === 'copy' && role !== 'organisation') {
    throw new AppError(
      'BAD_REQUEST',
      'placement: chỉ chữ ký số của cơ quan đặt ở góc trên bên phải trang 1 (bản sao, phụ lục).',
    )
  }
  // the approver's handwritten signature, or the agency's seal, when uploaded
  const image = await findSignatureImage(
    svc.db,
    role === 'approver' ? ownerOf('signature', caller.official.id) : ownerOf('seal', caller.agency.code),
  )
  const appearance =
    image || placement === 'copy'
      ? {
          role,
          image: image ? new Uint8Array(image.png) : null,
          placement,
          signerName: caller.official.name,
          agencyName: caller.agency.name,
          sealDiameterMm: image?.diameterMm ?? null,
          at: signatureAt ?? null,
        }
      : null
  const signingTime = new Date(Math.floor(now.getTime() / 1000) * 1000)
  const prepared = await svc.pdf.run({
    op: 'prepare',
    pdf,
    role,
    signerName: caller.official.name,
    signingTime: signingTime.toISOString(),
    certificatePem: cert?.pem ?? null,
    issuance: issuance ?? null,
    appearance,
  })
  const toBeSigned = prepared.toBeSigned
  // sessions hold a copy of the PDF: drop those that expired more than a day ago
  await svc.db
    .delete(signingSessions)
    .where(lt(signingSessions.expiresAt, new Date(now.getTime() - 86_400_000).toISOString()))
  const id = randomUUID()
  const preparedSha256 = createHash('sha256').update(prepared.pdf).digest('hex')
  await svc.db.insert(signingSessions).values({
    id,
    officialId: caller.official.id,
    role,
    preparedSha256,
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
    /** the prepared revision (GET …/:id/prepared): what the signer is shown and signs */
    preparedSha256,
    toBeSigned: toBeSigned ? Buffer.from(toBeSigned).toString('base64') : null,
    algorithm: algorithmFor(cert?.pem ?? null),
    certificateSerial: cert?.serial ?? null,
    /** whether the signature shows on the page (an image uploaded, a place found), and why not */
    appearance: prepared.appearance ?? { visible: false, note: null },
  }
}
