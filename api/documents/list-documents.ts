/**
 * An agency's inbox (documents addressed to it, with its own status) or sent box (with
 * every recipient's status).
 * @module
 */
import { and, desc, eq, inArray } from 'drizzle-orm'
import { documentRecipients, documents } from '../../knowledge/db/schema/documents.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import { requireRole } from './official-roles.ts'

export type ListDocumentsOptions = {
  svc: DocumentsService
  caller: Caller
  box: 'inbox' | 'sent'
  status?: string | undefined
  limit: number
}

export const listDocuments = async ({ svc, caller, box, status, limit }: ListDocumentsOptions) => {
  requireRole(caller.official.role, 'read')
  const db = svc.db
  const code = caller.agency.code
  const rows =
    box === 'inbox'
      ? (
          await db
            .select({ doc: documents })
            .from(documentRecipients)
            .innerJoin(documents, eq(documents.id, documentRecipients.documentId))
            .where(
              and(
                eq(documentRecipients.agencyCode, code),
                status ? eq(documentRecipients.status, status) : undefined,
              ),
            )
            .orderBy(desc(documents.createdAt))
            .limit(limit)
        ).map((r) => r.doc)
      : await db
          .select()
          .from(documents)
          .where(
            and(
              eq(documents.senderAgency, code),
              status
                ? inArray(
                    documents.id,
                    db
                      .select({ id: documentRecipients.documentId })
                      .from(documentRecipients)
                      .where(eq(documentRecipients.status, status)),
                  )
                : undefined,
            ),
          )
          .orderBy(desc(documents.createdAt))
          .limit(limit)
  const ids = rows.map((r) => r.id)
  const recipients = ids.length
    ? await db
        .select({
          documentId: documentRecipients.documentId,
          agencyCode: documentRecipients.agencyCode,
          status: documentRecipients.status,
        })
        .from(documentRecipients)
        .where(inArray(documentRecipients.documentId, ids))
    : []
  return rows.map((r) => ({
    id: r.id,
    notation: r.notation,
    subject: r.subject,
    senderAgency: r.senderAgency,
    signatureStatus: r.signatureStatus,
    /** active | revoked | replaced */
    state: r.state,
    createdAt: r.createdAt,
    recipients: recipients
      .filter((x) => x.documentId === r.id && (box === 'sent' || x.agencyCode === code))
      .map((x) => ({ agencyCode: x.agencyCode, status: x.status })),
  }))
}
