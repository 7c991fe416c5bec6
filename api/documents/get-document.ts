/**
 * One document as its sender or a recipient agency sees it. Anyone else gets 404: an
 * agency cannot even learn that another agency's document exists.
 * @module
 */
import { and, asc, eq } from 'drizzle-orm'
import {
  agencies,
  documentBlobs,
  documentEvents,
  documentRecipients,
  documents,
} from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { ByIdOptions, DocumentsService } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

/** Whether the caller's agency sent the document or is one of its recipients. */
export const isVisibleTo = async (
  svc: DocumentsService,
  caller: Caller,
  doc: { id: string; senderAgency: string },
) => {
  if (doc.senderAgency === caller.agency.code) return true
  const mine = await svc.db
    .select()
    .from(documentRecipients)
    .where(
      and(eq(documentRecipients.documentId, doc.id), eq(documentRecipients.agencyCode, caller.agency.code)),
    )
    .get()
  return mine !== undefined
}

/** The document row if the caller's agency sent or received it. */
export const findVisibleDocument = async (svc: DocumentsService, caller: Caller, id: string) => {
  requireRole(caller.official.role, 'read')
  const doc = await svc.db.select().from(documents).where(eq(documents.id, id)).get()
  if (!doc || !(await isVisibleTo(svc, caller, doc)))
    throw new AppError('NOT_FOUND', `Không có văn bản ${id}.`)
  return { doc, isSender: doc.senderAgency === caller.agency.code }
}

export const getDocument = async ({ svc, caller, id }: ByIdOptions) => {
  const { doc, isSender } = await findVisibleDocument(svc, caller, id)
  const ownOnly = (code: string) => isSender || code === caller.agency.code
  const recipients = await svc.db
    .select({
      agencyCode: documentRecipients.agencyCode,
      name: agencies.name,
      status: documentRecipients.status,
      updatedAt: documentRecipients.updatedAt,
    })
    .from(documentRecipients)
    .innerJoin(agencies, eq(agencies.code, documentRecipients.agencyCode))
    .where(eq(documentRecipients.documentId, id))
  const events = await svc.db
    .select()
    .from(documentEvents)
    .where(eq(documentEvents.documentId, id))
    .orderBy(asc(documentEvents.id))
  const sender = await svc.db.select().from(agencies).where(eq(agencies.code, doc.senderAgency)).get()
  return {
    id: doc.id,
    sha256: doc.sha256,
    header: doc.header,
    notation: doc.notation,
    subject: doc.subject,
    senderAgency: { code: doc.senderAgency, name: sender?.name ?? doc.senderAgency },
    pages: doc.pages,
    paperCopy: doc.paperCopy,
    signatureStatus: doc.signatureStatus,
    verification: doc.verification,
    createdAt: doc.createdAt,
    /** active | revoked | replaced (edXML BussinessDocType 1 and 3 from the sender) */
    state: doc.state,
    stateReason: doc.stateReason,
    replaces: doc.replaces,
    replacedBy: doc.replacedBy,
    edxmlDocumentId: doc.edxmlDocumentId,
    recipients: recipients.filter((r) => ownOnly(r.agencyCode)),
    events: events
      .filter((e) => ownOnly(e.agencyCode))
      .map((e) => ({
        agencyCode: e.agencyCode,
        status: e.status,
        note: e.note,
        at: e.at,
        actorOfficialId: e.actorOfficialId,
      })),
  }
}

export const getDocumentPdf = async ({ svc, caller, id }: ByIdOptions) => {
  const { doc } = await findVisibleDocument(svc, caller, id)
  const blob = await svc.db.select().from(documentBlobs).where(eq(documentBlobs.sha256, doc.sha256)).get()
  if (!blob) throw new AppError('INTERNAL', `Thiếu nội dung của văn bản ${id}.`)
  return { pdf: blob.bytes, sha256: doc.sha256, notation: doc.notation }
}
