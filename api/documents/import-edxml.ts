/**
 * Importing an edXML package (QCVN 102:2016) from the caller's agency: the header and the
 * base64 PDF attachment become an ordinary submission, verified like any other.
 * @module
 */
import { XMLParser } from 'fast-xml-parser'
import { AppError } from '../../knowledge/errors.ts'
import { parseInput } from '../validate.ts'
import { ZDocumentHeader } from './document-header.ts'
import type { CallerOptions } from './documents-service.ts'
import { submitDocument } from './submit-document.ts'

const PRIORITY = ['normal', 'urgent', 'very_urgent', 'flash'] as const

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v))

export type ImportEdxmlOptions = CallerOptions & {
  xml: string
  allowUnsigned?: boolean
}

export const importEdxml = async ({ svc, caller, xml, allowUnsigned = false }: ImportEdxmlOptions) => {
  let parsed: Record<string, unknown>
  try {
    parsed = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true }).parse(
      xml,
      true,
    )
  } catch (error) {
    throw new AppError(
      'BAD_REQUEST',
      `edXML không đúng cú pháp XML: ${error instanceof Error ? error.message : ''}`,
    )
  }
  // biome-ignore lint/suspicious/noExplicitAny: the package is checked field by field below
  const env = (parsed as any)?.edXMLEnvelope
  const mh = env?.edXMLHeader?.MessageHeader
  if (!mh) throw new AppError('BAD_REQUEST', 'edXML thiếu edXMLEnvelope/edXMLHeader/MessageHeader.')
  const from = text(mh.From?.OrganId)
  if (from !== caller.agency.code) {
    throw new AppError(
      'FORBIDDEN',
      `From/OrganId (${from ?? 'trống'}) phải là cơ quan của bạn (${caller.agency.code}).`,
    )
  }
  const attachment = asArray(env?.AttachmentEncoded?.Attachment).find(
    (a: { ContentType?: string }) => String(a?.ContentType ?? '').toLowerCase() === 'application/pdf',
  ) as { ContentTransferEncoded?: string } | undefined
  const b64 = text(attachment?.ContentTransferEncoded)?.replace(/\s+/g, '')
  if (!b64)
    throw new AppError(
      'BAD_REQUEST',
      'edXML thiếu tệp PDF đính kèm (AttachmentEncoded/Attachment, application/pdf).',
    )
  const pdf = Buffer.from(b64, 'base64')
  if (pdf.length > svc.maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `Tệp PDF đính kèm vượt ${svc.maxBytes} byte.`)
  const paper = text(env?.edXMLHeader?.TraceHeaderList?.Bussiness?.Paper)
  const priority = Number(text(mh.OtherInfo?.Priority) ?? '0')
  const header = parseInput(
    ZDocumentHeader,
    {
      to: asArray(mh.To).map((t: { OrganId?: unknown }) => text(t?.OrganId)),
      notation: text(mh.Code?.CodeNotation),
      codeNumber: text(mh.Code?.CodeNumber),
      place: text(mh.PromulgationInfo?.Place),
      promulgatedAt: text(mh.PromulgationInfo?.PromulgationDate)?.replaceAll('/', '-'),
      type: text(mh.DocumentType?.TypeName) ?? text(mh.DocumentType?.Type),
      subject: text(mh.Subject),
      signerName: text(mh.SignerInfo?.FullName) || undefined,
      dueDate: text(mh.DueDate)?.replaceAll('/', '-'),
      priority: PRIORITY[priority] ?? 'normal',
      steeringType: text(mh.SteeringType),
      pages: mh.OtherInfo?.PageAmount ? Number(mh.OtherInfo.PageAmount) : undefined,
      paperCopy: paper === '1',
      allowUnsigned,
    },
    'edXML',
  )
  return submitDocument({ svc, caller, pdf, header })
}
