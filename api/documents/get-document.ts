/**
 * One document as its sender or a recipient agency sees it (who may see it:
 * find-visible-document.ts). A recipient sees its own status and events, not another
 * recipient's.
 * @module
 */
import { asc, eq } from 'drizzle-orm'
import {
  agencies,
  documentBlobs,
  documentEvents,
  documentRecipients,
} from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { ByIdOptions } from './documents-service.ts'
import { findVisibleDocument } from './find-visible-document.ts'

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
