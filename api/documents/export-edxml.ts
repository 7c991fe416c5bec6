/**
 * A document as an edXML package the way the national document axis and vendors' SDKs
 * exchange it (QCVN 102:2016/BTTTT): a root `<edXML>` holding the `edXMLEnvelope` (header,
 * trace, Bussiness, manifest) and, beside it, `AttachmentEncoded` with the PDF in base64.
 * Number and notation travel apart, dates as `yyyy/MM/dd`, timestamps as
 * `yyyy/MM/dd HH:mm:ss` (Vietnam time), DocumentType from the QCVN 102 code list.
 * @module
 */
import { eq, inArray } from 'drizzle-orm'
import { XMLBuilder } from 'fast-xml-parser'
import { agencies, documents } from '../../knowledge/db/schema/documents.ts'
import type { Caller } from './authenticate-official.ts'
import type { DocumentsService } from './documents-service.ts'
import {
  documentTypeOf,
  EDXML_NS,
  edxmlDocumentId,
  splitNotation,
  toEdxmlDate,
  toEdxmlTimestamp,
} from './edxml-format.ts'
import { getDocument, getDocumentPdf } from './get-document.ts'

export { EDXML_NS }

export const PRIORITY_CODES: Record<string, string> = {
  normal: '0',
  urgent: '1',
  very_urgent: '2',
  flash: '3',
}

type AgencyRow = typeof agencies.$inferSelect

/** An edXML Organization (From, To): every element present, empty when not known. */
export const organizationOf = (code: string, row: AgencyRow | undefined) => ({
  'edXML:OrganId': code,
  'edXML:OrganizationInCharge': row?.organizationInCharge ?? '',
  'edXML:OrganName': row?.name ?? code,
  'edXML:OrganAdd': row?.address ?? '',
  'edXML:Email': row?.email ?? '',
  'edXML:Telephone': row?.telephone ?? '',
  'edXML:Fax': row?.fax ?? '',
  'edXML:Website': row?.website ?? '',
})

const buildEdxml = (tree: Record<string, unknown>) =>
  new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
    processEntities: true,
  }).build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...tree }) as string

/**
 * The QCVN 102 envelope: a message header and its trace headers, then (for a document) the
 * body's manifest and the encoded attachment; a status package has neither.
 */
export const buildEdxmlEnvelope = ({
  messageHeader,
  traceHeaderList,
  body,
  attachment,
}: {
  messageHeader: Record<string, unknown>
  traceHeaderList: Record<string, unknown>
  body?: Record<string, unknown>
  attachment?: Record<string, unknown>
}) =>
  buildEdxml({
    edXML: {
      '@_xmlns': EDXML_NS,
      'edXML:edXMLEnvelope': {
        '@_xmlns:edXML': EDXML_NS,
        'edXML:edXMLHeader': {
          'edXML:MessageHeader': messageHeader,
          'edXML:TraceHeaderList': traceHeaderList,
        },
        ...(body ? { 'edXML:edXMLBody': body } : {}),
      },
      ...(attachment ? { AttachmentEncoded: attachment } : {}),
    },
  })

const attachmentNameOf = (notation: string) => `${notation.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf`

export const exportEdxml = async ({
  svc,
  caller,
  id,
}: {
  svc: DocumentsService
  caller: Caller
  id: string
}) => {
  const doc = await getDocument({ svc, caller, id })
  const { pdf } = await getDocumentPdf({ svc, caller, id })
  const row = await svc.db.select().from(documents).where(eq(documents.id, id)).get()
  const h = doc.header
  const codes = [doc.senderAgency.code, ...doc.recipients.map((r) => r.agencyCode)]
  const rows = await svc.db.select().from(agencies).where(inArray(agencies.code, codes))
  const agency = (code: string) => rows.find((r) => r.code === code)
  const { codeNumber, codeNotation } = splitNotation(h.notation, h.codeNumber)
  const type = documentTypeOf(h.type)
  const contentId = `${doc.sha256.slice(0, 32)}@trolyso`
  const name = attachmentNameOf(h.notation)
  const replaced = row?.replaces
    ? await svc.db.select().from(documents).where(eq(documents.id, row.replaces)).get()
    : undefined
  const bussiness = replaced
    ? {
        'edXML:BussinessDocType': '3',
        'edXML:BussinessDocReason': replaced.stateReason ?? '',
        'edXML:DocumentId': replaced.edxmlDocumentId ?? '',
        'edXML:ReplacementInfoList': {
          'edXML:ReplacementInfo': {
            'edXML:DocumentId': replaced.edxmlDocumentId ?? '',
            'edXML:OrganIdList': { 'edXML:OrganId': doc.recipients.map((r) => r.agencyCode) },
          },
        },
      }
    : { 'edXML:BussinessDocType': '0', 'edXML:BussinessDocReason': '' }
  return buildEdxmlEnvelope({
    messageHeader: {
      'edXML:From': organizationOf(doc.senderAgency.code, agency(doc.senderAgency.code)),
      'edXML:To': doc.recipients.map((r) => organizationOf(r.agencyCode, agency(r.agencyCode))),
      'edXML:Code': { 'edXML:CodeNumber': codeNumber, 'edXML:CodeNotation': codeNotation },
      'edXML:PromulgationInfo': {
        'edXML:Place': h.place,
        'edXML:PromulgationDate': toEdxmlDate(h.promulgatedAt),
      },
      'edXML:DocumentType': {
        'edXML:Type': type.type,
        'edXML:TypeDetail': type.typeDetail,
        'edXML:TypeName': type.typeName,
      },
      'edXML:Subject': h.subject,
      'edXML:SignerInfo': {
        'edXML:Competence': h.signerCompetence ?? '',
        'edXML:Position': h.signerPosition ?? '',
        'edXML:FullName': h.signerName ?? '',
      },
      ...(h.dueDate ? { 'edXML:DueDate': toEdxmlDate(h.dueDate) } : {}),
      'edXML:OtherInfo': {
        'edXML:Priority': PRIORITY_CODES[h.priority] ?? '0',
        'edXML:PromulgationAmount': '1',
        'edXML:PageAmount': String(doc.pages),
      },
      ...(h.steeringType ? { 'edXML:SteeringType': h.steeringType } : {}),
      'edXML:DocumentId':
        row?.edxmlDocumentId ?? edxmlDocumentId(doc.senderAgency.code, h.promulgatedAt, h.notation),
    },
    traceHeaderList: {
      'edXML:TraceHeader': {
        'edXML:OrganId': doc.senderAgency.code,
        'edXML:Timestamp': toEdxmlTimestamp(doc.createdAt),
      },
      'edXML:Bussiness': { ...bussiness, 'edXML:Paper': doc.paperCopy ? '1' : '0' },
    },
    body: {
      'edXML:edXMLManifest': {
        '@_version': '1.0',
        'edXML:Reference': {
          'edXML:ContentId': `cid:${contentId}`,
          'edXML:ContentType': 'application/pdf',
          'edXML:AttachmentName': name,
        },
      },
    },
    attachment: {
      Attachment: {
        ContentType: 'application/pdf',
        ContentId: contentId,
        ContentTransferEncoded: Buffer.from(pdf).toString('base64'),
        AttachmentName: name,
      },
    },
  })
}
