/**
 * The status package (QCVN 102:2016 Status) a recipient agency sends back over the axis when
 * its copy changes status (01 đã đến, 02 từ chối, 03 tiếp nhận, 04 phân công, 05 đang xử lý,
 * 06 hoàn thành, 15/16 answers to a recall): ResponseFor names the sender's document, From the
 * recipient, then StatusCode, Description, Timestamp and StaffInfo of the latest change.
 * @module
 */
import { and, desc, eq } from 'drizzle-orm'
import { agencies, documentEvents, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { Caller } from './authenticate-official.ts'
import { STATUS_LABELS } from './document-header.ts'
import type { DocumentsService } from './documents-service.ts'
import { edxmlDocumentId, toEdxmlDate, toEdxmlTimestamp } from './edxml-format.ts'
import { buildEdxmlEnvelope, organizationOf } from './export-edxml.ts'
import { findVisibleDocument } from './find-visible-document.ts'

export type ExportEdxmlStatusOptions = { svc: DocumentsService; caller: Caller; id: string }

/**
 * @throws AppError 404 (not visible), 403 (the caller's agency is not a recipient)
 */
export const exportEdxmlStatus = async ({ svc, caller, id }: ExportEdxmlStatusOptions) => {
  const { doc } = await findVisibleDocument(svc, caller, id)
  const own = caller.agency.code
  const event = await svc.db
    .select()
    .from(documentEvents)
    .where(and(eq(documentEvents.documentId, id), eq(documentEvents.agencyCode, own)))
    .orderBy(desc(documentEvents.id))
    .get()
  if (!event) {
    throw new AppError('FORBIDDEN', 'Chỉ cơ quan nhận mới lập gói trạng thái cho văn bản này.')
  }
  const h = doc.header
  const me = await svc.db.select().from(agencies).where(eq(agencies.code, own)).get()
  const staff = event.actorOfficialId
    ? await svc.db.select().from(officials).where(eq(officials.id, event.actorOfficialId)).get()
    : undefined
  return buildEdxmlEnvelope({
    messageHeader: {
      'edXML:ResponseFor': {
        'edXML:OrganId': doc.senderAgency,
        'edXML:Code': h.notation,
        'edXML:PromulgationDate': toEdxmlDate(h.promulgatedAt),
        'edXML:DocumentId':
          doc.edxmlDocumentId ?? edxmlDocumentId(doc.senderAgency, h.promulgatedAt, h.notation),
      },
      'edXML:From': organizationOf(own, me),
      'edXML:StatusCode': event.status,
      'edXML:Description': event.note ?? (STATUS_LABELS as Record<string, string>)[event.status] ?? '',
      'edXML:Timestamp': toEdxmlTimestamp(event.at),
      'edXML:StaffInfo': {
        'edXML:Department': me?.name ?? own,
        'edXML:Staff': staff?.name ?? '',
        'edXML:Mobile': '',
        'edXML:Email': staff?.email ?? '',
      },
    },
    traceHeaderList: {
      'edXML:TraceHeader': { 'edXML:OrganId': own, 'edXML:Timestamp': toEdxmlTimestamp(event.at) },
    },
  })
}
