/**
 * A document as an edXML package (QCVN 102:2016/BTTTT): the MessageHeader from the
 * sender's header, the trace, Bussiness/Paper, and the PDF attached base64.
 * @module
 */
import { XMLBuilder } from 'fast-xml-parser'
import type { DocumentHeader } from './document-header.ts'
import type { ByIdOptions } from './documents-service.ts'
import { getDocument, getDocumentPdf } from './get-document.ts'

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016'

const PRIORITY: Record<string, string> = { normal: '0', urgent: '1', very_urgent: '2', flash: '3' }

export const exportEdxml = async ({ svc, caller, id }: ByIdOptions) => {
  const doc = await getDocument({ svc, caller, id })
  const { pdf } = await getDocumentPdf({ svc, caller, id })
  const h = doc.header as unknown as DocumentHeader
  const date = h.promulgatedAt
  const cid = `cid:${doc.sha256.slice(0, 16)}@trolyso`
  const envelope = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'edXML:edXMLEnvelope': {
      '@_xmlns:edXML': EDXML_NS,
      'edXML:edXMLHeader': {
        'edXML:MessageHeader': {
          'edXML:From': { 'edXML:OrganId': doc.senderAgency.code, 'edXML:OrganName': doc.senderAgency.name },
          'edXML:To': doc.recipients.map((r) => ({
            'edXML:OrganId': r.agencyCode,
            'edXML:OrganName': r.name,
          })),
          'edXML:Code': {
            'edXML:CodeNumber': h.codeNumber ?? h.notation.split('/')[0] ?? '',
            'edXML:CodeNotation': h.notation,
          },
          'edXML:PromulgationInfo': { 'edXML:Place': h.place, 'edXML:PromulgationDate': date },
          'edXML:DocumentType': { 'edXML:Type': '1', 'edXML:TypeName': h.type },
          'edXML:Subject': h.subject,
          'edXML:SignerInfo': { 'edXML:FullName': h.signerName ?? '' },
          ...(h.dueDate ? { 'edXML:DueDate': h.dueDate } : {}),
          'edXML:OtherInfo': {
            'edXML:Priority': PRIORITY[h.priority] ?? '0',
            'edXML:PageAmount': String(doc.pages),
          },
          ...(h.steeringType ? { 'edXML:SteeringType': h.steeringType } : {}),
          'edXML:DocumentId': `${doc.senderAgency.code},${date.replaceAll('-', '/')},${h.notation}`,
        },
        'edXML:TraceHeaderList': {
          'edXML:TraceHeader': { 'edXML:OrganId': doc.senderAgency.code, 'edXML:Timestamp': doc.createdAt },
          'edXML:Bussiness': { 'edXML:BussinessDocType': '0', 'edXML:Paper': doc.paperCopy ? '1' : '0' },
        },
      },
      'edXML:edXMLBody': {
        'edXML:edXMLManifest': {
          'edXML:Reference': {
            'edXML:ContentId': cid,
            'edXML:ContentType': 'application/pdf',
            'edXML:AttachmentName': `${h.notation.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf`,
          },
        },
      },
      'edXML:AttachmentEncoded': {
        'edXML:Attachment': {
          'edXML:ContentId': cid,
          'edXML:AttachmentName': `${h.notation.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf`,
          'edXML:ContentType': 'application/pdf',
          'edXML:ContentTransferEncoded': Buffer.from(pdf).toString('base64'),
        },
      },
    },
  }
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false }).build(
    envelope,
  ) as string
}
