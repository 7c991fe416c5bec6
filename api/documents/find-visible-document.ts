/**
 * Who may see a document: the agency that sent it and the agencies it was sent to. Anyone
 * else is told it does not exist (404), so an agency cannot even learn that another agency's
 * document exists. Reading, status changes and the edXML packages all ask this first.
 * @module
 */
import { and, eq } from 'drizzle-orm'
import { documentRecipients, documents } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
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
