/**
 * Reads an edXML package in either layout seen on the national document axis: ours and the
 * vendors' SDKs (root `<edXML>` with `AttachmentEncoded` beside the `edXMLEnvelope`, ContentId
 * with or without `cid:`), and status packages (MessageHeader with StatusCode, or the older
 * `SOAP-ENV:Envelope/Header/Status`). Bounded: no DOCTYPE (so no entity expansion), at most
 * {@link EDXML_MAX_ATTACHMENTS} attachments, nesting limited by the parser.
 * @module
 */
import { XMLParser } from 'fast-xml-parser'
import { AppError } from '../../knowledge/errors.ts'

export const EDXML_MAX_ATTACHMENTS = 20

// biome-ignore lint/suspicious/noExplicitAny: a parsed package is read field by field, never trusted whole
export type Node = any

export const asArray = <T>(v: T | T[] | undefined | null): T[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]

/** The text of an element, trimmed and NFC; undefined when absent or empty. */
export const text = (v: unknown) => {
  if (v === undefined || v === null || typeof v === 'object') return undefined
  const s = String(v).normalize('NFC').trim()
  return s === '' ? undefined : s
}

export type EdxmlAttachment = { contentId: string; name?: string; type?: string; base64: string }

export type EdxmlPackage = {
  kind: 'document' | 'status'
  /** MessageHeader (document) or the status element (status) */
  header: Node
  bussiness: Node
  attachments: EdxmlAttachment[]
  /** manifest references, in order: ContentId without `cid:` */
  references: { contentId: string; type?: string; name?: string }[]
}

const ARRAYS = new Set(['To', 'Attachment', 'Reference', 'TraceHeader', 'ReplacementInfo', 'StaffInfo'])

/** `cid:abc`, `<abc>`, `abc` → `abc` */
export const normaliseContentId = (id: string | undefined) =>
  (id ?? '')
    .trim()
    .replace(/^cid:/i, '')
    .replace(/^<(.*)>$/, '$1')

/** `<ContentTransferEncoded>` (any prefix) and its text: base64, so never markup inside */
const ENCODED = /<((?:[\w.-]+:)?ContentTransferEncoded)(\s[^>]*)?>([^<]*)<\/\1\s*>/g

/**
 * The package without its base64 contents (each replaced by `#n`) and those contents: the XML
 * parser takes seconds over megabytes of text, the skeleton takes a millisecond.
 */
const setContentsAside = (xml: string) => {
  const contents: string[] = []
  const skeleton = xml.replace(ENCODED, (_all, tag: string, attrs: string | undefined, body: string) => {
    contents.push(body)
    return `<${tag}${attrs ?? ''}>#${contents.length - 1}</${tag}>`
  })
  return { skeleton, contents }
}

/** @throws AppError 400 for XML that is not well formed, has a DOCTYPE, or is not edXML; 413 for too many attachments */
export const readEdxmlPackage = (xml: string): EdxmlPackage => {
  const { skeleton, contents } = setContentsAside(xml)
  if (/<!DOCTYPE|<!ENTITY/i.test(skeleton)) {
    throw new AppError('BAD_REQUEST', 'Gói edXML không được có DOCTYPE hay khai báo ENTITY.')
  }
  let parsed: Node
  try {
    parsed = new XMLParser({
      removeNSPrefix: true,
      parseTagValue: false,
      ignoreAttributes: true,
      ignoreDeclaration: true,
      isArray: (name) => ARRAYS.has(name),
    }).parse(skeleton, true)
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : ''
    throw new AppError('BAD_REQUEST', `edXML không đúng cú pháp XML: ${reason}`)
  }
  const root = parsed?.edXML ?? parsed
  const env = root?.edXMLEnvelope
  const soapStatus = parsed?.Envelope?.Header?.Status
  const mh = env?.edXMLHeader?.MessageHeader
  const status = soapStatus ?? env?.edXMLHeader?.Status ?? (mh?.StatusCode !== undefined ? mh : undefined)
  if (!mh && !status) {
    throw new AppError(
      'BAD_REQUEST',
      'Không phải gói edXML: thiếu edXMLEnvelope/edXMLHeader/MessageHeader (hoặc gói trạng thái Status).',
    )
  }
  const encoded = [
    ...asArray(root?.AttachmentEncoded),
    ...asArray(env?.AttachmentEncoded),
    ...(root !== parsed ? asArray(parsed?.AttachmentEncoded) : []),
  ]
  const raw = encoded.flatMap((e: Node) => asArray(e?.Attachment))
  if (raw.length > EDXML_MAX_ATTACHMENTS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Gói edXML có ${raw.length} tệp đính kèm; tối đa ${EDXML_MAX_ATTACHMENTS}.`,
    )
  }
  const attachments = raw
    .map((a: Node) => ({
      contentId: normaliseContentId(text(a?.ContentId)),
      name: text(a?.AttachmentName),
      type: text(a?.ContentType)?.toLowerCase(),
      base64: (
        contents[Number(/^#(\d+)$/.exec(text(a?.ContentTransferEncoded) ?? '')?.[1] ?? -1)] ?? ''
      ).replace(/\s+/g, ''),
    }))
    .filter((a) => a.base64 !== '')
  const references = asArray(env?.edXMLBody?.edXMLManifest?.Reference).map((r: Node) => ({
    contentId: normaliseContentId(text(r?.ContentId)),
    type: text(r?.ContentType)?.toLowerCase(),
    name: text(r?.AttachmentName),
  }))
  return {
    kind: status ? 'status' : 'document',
    header: status ?? mh,
    bussiness: env?.edXMLHeader?.TraceHeaderList?.Bussiness,
    attachments,
    references,
  }
}

const isPdf = (a: { type?: string | undefined; name?: string | undefined }) =>
  a.type === 'application/pdf' || /\.pdf$/i.test(a.name ?? '')

/**
 * The document's PDF: the attachment the manifest names first among PDFs, else the first
 * PDF attachment (by type or name).
 * @returns the bytes, or undefined when the package carries no PDF
 */
export const documentPdfOf = (pkg: EdxmlPackage, maxBytes: number) => {
  const wanted = pkg.references.filter(isPdf).map((r) => r.contentId)
  const chosen =
    wanted.map((id) => pkg.attachments.find((a) => a.contentId === id)).find((a) => a !== undefined) ??
    pkg.attachments.find(isPdf)
  if (!chosen) return undefined
  if (Math.floor((chosen.base64.length * 3) / 4) > maxBytes + 3) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Tệp PDF đính kèm vượt ${maxBytes} byte (DOCUMENTS_MAX_BYTES).`)
  }
  const pdf = Buffer.from(chosen.base64, 'base64')
  // Buffer skips characters outside base64: a shorter result means the text was not base64
  const padding = chosen.base64.endsWith('==') ? 2 : chosen.base64.endsWith('=') ? 1 : 0
  if (chosen.base64.length % 4 !== 0 || pdf.length !== (chosen.base64.length / 4) * 3 - padding) {
    throw new AppError('BAD_REQUEST', 'ContentTransferEncoded của tệp PDF không phải base64.')
  }
  if (pdf.length > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `Tệp PDF đính kèm vượt ${maxBytes} byte (DOCUMENTS_MAX_BYTES).`)
  return pdf
}
