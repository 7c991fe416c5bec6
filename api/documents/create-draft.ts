/**
 * The leader's signed draft goes into the agency's "chờ phát hành" queue inside trolyso: the
 * PDF must carry exactly one valid signature, the competent person's (role approver), made
 * with a certificate of this agency, and nothing else. The same PDF from the same agency is
 * queued once.
 * @module
 */
import { createHash } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { certificates, documentDrafts } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { CallerOptions } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

export type DraftSummary = {
  id: string
  agencyCode: string
  fileName: string
  subject: string | null
  sha256: string
  status: string
  approverOfficialId: string
  documentId: string | null
  createdAt: string
}

export const draftIdOf = (sha256: string, agencyCode: string) =>
  createHash('sha256').update(`draft:${sha256}:${agencyCode}`).digest('hex').slice(0, 32)

export type CreateDraftOptions = CallerOptions & {
  pdf: Uint8Array
  fileName: string
  subject?: string | null | undefined
  now?: Date
}

/**
 * @returns the queued draft (`created: false` when this agency already queued this PDF)
 * @throws AppError 403 (not an approver), 422 (not signed by exactly one approver of this agency)
 */
export const createDraft = async ({
  svc,
  caller,
  pdf,
  fileName,
  subject,
  now = new Date(),
}: CreateDraftOptions): Promise<{ created: boolean; draft: DraftSummary }> => {
  requireRole(caller.official.role, 'signAsApprover')
  const { verification, pdf: verified } = await svc.verifyPdf(pdf)
  const roles = verification.signatures.map((s) => s.role)
  if (verification.status !== 'signed_valid' || roles.length !== 1 || roles[0] !== 'approver') {
    throw new AppError(
      'UNPROCESSABLE',
      'Chỉ chuyển văn thư bản đã có đúng một chữ ký số hợp lệ của người có thẩm quyền (chưa có chữ ký của cơ quan).',
      { details: verification },
    )
  }
  const serials = verification.signatures.map((s) => s.certificateSerial).filter((s): s is string => !!s)
  const own = await svc.db
    .select({ serial: certificates.serial })
    .from(certificates)
    .where(and(inArray(certificates.serial, serials), eq(certificates.agencyCode, caller.agency.code)))
  if (own.length !== serials.length || serials.length === 0) {
    throw new AppError('UNPROCESSABLE', 'Chữ ký của người có thẩm quyền không thuộc cơ quan của bạn.')
  }
  const sha256 = createHash('sha256').update(verified).digest('hex')
  const id = draftIdOf(sha256, caller.agency.code)
  const existing = await svc.db.select().from(documentDrafts).where(eq(documentDrafts.id, id)).get()
  if (existing) return { created: false, draft: summaryOf(existing) }
  const row = {
    id,
    agencyCode: caller.agency.code,
    approverOfficialId: caller.official.id,
    fileName: fileName.slice(0, 300) || 'van-ban.pdf',
    subject: subject?.slice(0, 500) || null,
    sha256,
    pdf: Buffer.from(verified),
    status: 'pending',
    documentId: null,
    createdAt: now.toISOString(),
    issuedAt: null,
  }
  await svc.db.insert(documentDrafts).values(row).onConflictDoNothing()
  return { created: true, draft: summaryOf(row) }
}

export const summaryOf = (row: typeof documentDrafts.$inferSelect): DraftSummary => ({
  id: row.id,
  agencyCode: row.agencyCode,
  fileName: row.fileName,
  subject: row.subject,
  sha256: row.sha256,
  status: row.status,
  approverOfficialId: row.approverOfficialId,
  documentId: row.documentId,
  createdAt: row.createdAt,
})
