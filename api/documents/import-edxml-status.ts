/**
 * A status package (QCVN 102:2016 Status: ResponseFor, From, StatusCode, Description,
 * Timestamp, StaffInfo) from a recipient agency, imported by the sending agency: it updates
 * the sender's view of that recipient's copy, with a document event and an audit row in the
 * same transaction. A package older than the recipient's last change is acknowledged and
 * not applied, so packages replayed or arriving out of order never move a status backwards.
 * @module
 */

import { eq } from 'drizzle-orm'
import { documents } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import { STATUS_LABELS } from './document-header.ts'
import type { DocumentsService } from './documents-service.ts'
import { parseEdxmlDate } from './edxml-format.ts'
import { requireRole } from './official-roles.ts'
import type { EdxmlPackage, Node } from './read-edxml-package.ts'
import { text } from './read-edxml-package.ts'
import { refuseFrozenDocument } from './refuse-frozen-document.ts'

export type ImportEdxmlStatusOptions = { svc: DocumentsService; caller: Caller; pkg: EdxmlPackage }

/** How far ahead of this server's clock a package's Timestamp may be (clocks of two systems). */
const FUTURE_TOLERANCE_MS = 5 * 60_000

const fold = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi')

/**
 * The package's ResponseFor names the document by DocumentId; when it also gives the number/
 * notation (Code) and the date (PromulgationDate), they must be that document's.
 * @throws AppError 422 naming both values
 */
const requireSameDocument = (s: Node, doc: typeof documents.$inferSelect) => {
  const code = text(s?.ResponseFor?.Code)
  const notation = doc.notation ?? ''
  if (code && fold(code) !== fold(notation) && !fold(notation).endsWith(`/${fold(code)}`)) {
    throw new AppError(
      'UNPROCESSABLE',
      `ResponseFor/Code "${code.slice(0, 60)}" không phải số, ký hiệu của văn bản ${doc.edxmlDocumentId} (${notation}); gói trạng thái không khớp văn bản. The status package names another document.`,
    )
  }
  const raw = text(s?.ResponseFor?.PromulgationDate)
  const date = parseEdxmlDate(raw)?.date
  const promulgatedAt = (doc.header as { promulgatedAt?: string }).promulgatedAt
  if (raw && date !== promulgatedAt) {
    throw new AppError(
      'UNPROCESSABLE',
      `ResponseFor/PromulgationDate "${raw.slice(0, 40)}" khác ngày ban hành của văn bản (${promulgatedAt}); gói trạng thái không khớp văn bản. The status package names another document.`,
    )
  }
}

/** Codes a recipient reports; 13 (recall) is the sender's own and never comes back in a status package. */
const REPORTED = Object.keys(STATUS_LABELS).filter((c) => c !== '13')

/**
 * @returns `{ id, agencyCode, status, applied }`; `applied: false` for a package older than the stored status
 * @throws AppError 403 (the package answers another agency), 404 (no such document or recipient),
 *   409 (the document is revoked or its signatures do not hold), 422 (status code, a Timestamp in
 *   the future, a Code or PromulgationDate that are not the document's)
 */
export const importEdxmlStatus = async ({ svc, caller, pkg }: ImportEdxmlStatusOptions) => {
  requireRole(caller.official.role, 'changeStatus')
  const s = pkg.header
  const own = caller.agency.code
  const senderOfDocument = text(s?.ResponseFor?.OrganId)
  if (senderOfDocument && senderOfDocument !== own) {
    throw new AppError(
      'FORBIDDEN',
      `Gói trạng thái trả lời văn bản của ${senderOfDocument}, không phải của cơ quan bạn (${own}).`,
    )
  }
  const documentId = text(s?.ResponseFor?.DocumentId)
  const recipient = text(s?.From?.OrganId)
  if (!documentId || !recipient) {
    throw new AppError('BAD_REQUEST', 'Gói trạng thái cần ResponseFor/DocumentId và From/OrganId.')
  }
  const code = text(s?.StatusCode)?.padStart(2, '0')
  if (!code || !REPORTED.includes(code)) {
    throw new AppError(
      'UNPROCESSABLE',
      `StatusCode ${code ?? '(trống)'} không hợp lệ; cần một trong ${REPORTED.join(', ')}.`,
    )
  }
  const when = text(s?.Timestamp)
  const at = parseEdxmlDate(when)?.instant
  if (when && !at) {
    throw new AppError(
      'UNPROCESSABLE',
      `Timestamp "${when.slice(0, 40)}" không đọc được (cần yyyy/MM/dd HH:mm:ss).`,
    )
  }
  // a timestamp ahead of the clock would freeze the status: later packages would all look stale
  if (at && Date.parse(at) > Date.now() + FUTURE_TOLERANCE_MS) {
    throw new AppError(
      'UNPROCESSABLE',
      `Timestamp ${when} ở tương lai (giờ Việt Nam); gói trạng thái không được ghi thời điểm chưa đến. The status package is dated in the future.`,
    )
  }
  const client = svc.db.$client
  const found = await client.execute({
    sql: `SELECT d.id, r.status, r.updated_at FROM documents d JOIN document_recipients r ON r.document_id = d.id
          WHERE d.edxml_document_id = ? AND d.sender_agency = ? AND r.agency_code = ? ORDER BY d.created_at DESC LIMIT 1`,
    args: [documentId, own, recipient],
  })
  const row = found.rows[0]
  if (!row) {
    throw new AppError('NOT_FOUND', `Không có văn bản ${documentId} của ${own} gửi tới ${recipient}.`)
  }
  const id = String(row['id'])
  const doc = await svc.db.select().from(documents).where(eq(documents.id, id)).get()
  if (!doc) throw new AppError('NOT_FOUND', `Không có văn bản ${documentId} của ${own} gửi tới ${recipient}.`)
  requireSameDocument(s, doc)
  await refuseFrozenDocument({ db: svc.db, caller, doc, action: 'status_edxml' })
  const reportedAt = at ?? new Date().toISOString()
  // the axis writes whole seconds: compare at that resolution
  if (reportedAt.slice(0, 19) < String(row['updated_at']).slice(0, 19)) {
    return { id, agencyCode: recipient, status: String(row['status']), applied: false }
  }
  const staff = s?.StaffInfo?.[0] ?? s?.StaffInfo
  const staffInfo = {
    department: text(staff?.Department) ?? null,
    staff: text(staff?.Staff) ?? null,
    mobile: text(staff?.Mobile) ?? null,
    email: text(staff?.Email) ?? null,
  }
  const description = text(s?.Description)?.slice(0, 1000) ?? null
  const note = [description, staffInfo.staff, staffInfo.department].filter(Boolean).join(' — ') || null
  const results = await client.batch(
    [
      {
        sql: `UPDATE document_recipients SET status = ?, updated_at = ? WHERE document_id = ? AND agency_code = ? AND substr(updated_at, 1, 19) <= substr(?, 1, 19)
              AND NOT EXISTS (SELECT 1 FROM documents WHERE id = document_id AND state = 'revoked')`,
        args: [code, reportedAt, id, recipient, reportedAt],
      },
      {
        sql: 'INSERT INTO document_events (document_id, agency_code, status, actor_official_id, note, at) SELECT ?, ?, ?, NULL, ?, ? WHERE changes() = 1',
        args: [id, recipient, code, note, reportedAt],
      },
      {
        sql: "INSERT INTO audit_log (actor, action, entity, entity_id, detail, at) SELECT ?, 'document.status_edxml', 'document', ?, ?, ? WHERE changes() = 1",
        args: [
          `official:${caller.official.id}`,
          id,
          JSON.stringify({
            agencyCode: recipient,
            status: code,
            description,
            staffInfo,
            timestamp: when ?? null,
          }),
          new Date().toISOString(),
        ],
      },
    ],
    'write',
  )
  const applied = (results[0]?.rowsAffected ?? 0) > 0
  return { id, agencyCode: recipient, status: applied ? code : String(row['status']), applied }
}
