/**
 * The văn thư issues a queued draft: the PDF sent must be that draft with the organisation's
 * signature added (the draft's bytes unchanged at its start, an incremental update), and its
 * signatures must be complete by role: one approver of the agency, then the organisation.
 * It is then routed like any document and the draft is marked issued, once.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import { documentDrafts } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { DocumentHeader } from './document-header.ts'
import type { CallerOptions } from './documents-service.ts'
import { getDraft } from './list-drafts.ts'
import { requireRole } from './official-roles.ts'
import { stampMismatch } from './read-issuance-stamp.ts'
import { submitDocument } from './submit-document.ts'

export type IssueDraftOptions = CallerOptions & {
  id: string
  pdf: Uint8Array
  header: DocumentHeader
  now?: Date
}

/**
 * @throws AppError 404 (not this agency's draft), 409 (already issued, or not the draft's
 *   bytes), 422 (signatures not complete by role, or a header whose number or date differs
 *   from the issuance stamp)
 */
export const issueDraft = async ({ svc, caller, id, pdf, header, now = new Date() }: IssueDraftOptions) => {
  requireRole(caller.official.role, 'send')
  const draft = await getDraft({ svc, caller, id })
  if (draft.status !== 'pending') {
    throw new AppError('CONFLICT', `Bản ${draft.fileName} đã được phát hành (văn bản ${draft.documentId}).`)
  }
  const head = Buffer.from(pdf.buffer, pdf.byteOffset, Math.min(pdf.byteLength, draft.pdf.length))
  if (pdf.byteLength <= draft.pdf.length || !head.equals(draft.pdf)) {
    throw new AppError(
      'CONFLICT',
      'Tệp gửi không phải bản chờ phát hành đã được ký thêm chữ ký của cơ quan; hãy ký từ hàng chờ phát hành.',
    )
  }
  // the routing header says what the stamped page says (NĐ 30/2020: one number, one date)
  const mismatch = stampMismatch(pdf.subarray(draft.pdf.length), header.notation, header.promulgatedAt)
  if (mismatch) throw new AppError('UNPROCESSABLE', mismatch)
  const { verification, pdf: verified } = await svc.verifyPdf(pdf)
  const roles = verification.signatures.map((s) => s.role)
  if (!verification.rolesComplete || roles.join(',') !== 'approver,organisation') {
    throw new AppError(
      'UNPROCESSABLE',
      'Văn bản phải có đúng một chữ ký của người có thẩm quyền, rồi chữ ký số của cơ quan (NĐ 30/2020, Điều 32).',
      { details: verification },
    )
  }
  const result = await submitDocument({ svc, caller, pdf: verified, header })
  await svc.db
    .update(documentDrafts)
    .set({ status: 'issued', documentId: result.doc.id, issuedAt: now.toISOString() })
    .where(and(eq(documentDrafts.id, id), eq(documentDrafts.status, 'pending')))
  return result
}
