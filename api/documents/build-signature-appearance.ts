/**
 * What a signature shows on the page (NĐ 30/2020, Phụ lục I), as the normal appearance
 * (/AP /N) of its widget:
 * - the approver: their handwritten signature image (PNG with transparency) in the
 *   signature block, between the title and the name;
 * - the organisation, on the document: the seal image at its real size (36 mm unless set),
 *   overlapping the left third of the approver's signature, with the organisation's name
 *   and the signing time (ISO 8601, +07:00) under it;
 * - the organisation, on an attachment or copy: no image, the organisation's name and
 *   the signing time at the top right of page 1.
 * Objects are numbered from `next` and returned as text for the incremental update.
 * @module
 */
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, type PDFRef } from 'pdf-lib'
import { AppError } from '../../knowledge/errors.ts'
import type { PdfObjectBody } from './append-pdf-update.ts'
import { buildPdfTextFont } from './build-pdf-text-font.ts'
import { findSignatureBlock, type SignatureBox } from './find-signature-block.ts'

const mmToPt = (mm: number) => (mm / 25.4) * 72
const INFO_SIZE = 10

export type AppearanceRequest = {
  role: 'approver' | 'organisation'
  /** the approver's signature image, or the agency's seal */
  image: Uint8Array | null
  /** document: in the signature block; copy: top right of page 1, without image */
  placement: 'document' | 'copy'
  signerName: string
  agencyName: string
  signingTime: Date
  /** the seal's real diameter in millimetres */
  sealDiameterMm?: number | null | undefined
  /** the signature block (1-based page), instead of the text search */
  at?: { page: number; x: number; y: number; width: number; height: number } | null | undefined
}

export type WidgetAppearance = {
  pageIndex: number
  rect: [number, number, number, number]
  bodies: PdfObjectBody[]
}

/** 2026-12-03T14:05:06+07:00 */
export const vietnamIsoTime = (d: Date) =>
  `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`

const n = (v: number) => (Math.round(v * 100) / 100).toString()

const bytesOf = (obj: PDFObject) => {
  const out = new Uint8Array(obj.sizeInBytes())
  obj.copyBytesInto(out, 0)
  return Buffer.from(out).toString('latin1')
}

/** The approver's signature already on the page: its widget's rectangle and page, if it shows one. */
const approverWidget = (doc: PDFDocument) => {
  const pages = doc.getPages()
  for (const [pageIndex, page] of pages.entries()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    for (const ref of annots?.asArray() ?? []) {
      const widget = doc.context.lookupMaybe(ref, PDFDict)
      const sig = widget?.lookupMaybe(PDFName.of('V'), PDFDict)
      if (sig?.get(PDFName.of('TrolysoRole'))?.toString() !== '/approver') continue
      const rect = widget?.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray()
      const [x1, y1, x2, y2] = (rect ?? []).map((v) => (v instanceof PDFNumber ? v.asNumber() : 0))
      if (x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) continue
      if (Math.abs(x2 - x1) < 1 || Math.abs(y2 - y1) < 1) continue
      return {
        pageIndex,
        x1: Math.min(x1, x2),
        y1: Math.min(y1, y2),
        x2: Math.max(x1, x2),
        y2: Math.max(y1, y2),
      }
    }
  }
  return null
}

/** Embeds the PNG with pdf-lib into the document's own context, numbered from `next`. */
const embedImage = async (doc: PDFDocument, png: Uint8Array, next: number) => {
  const ctx = doc.context
  ctx.largestObjectNumber = next - 1
  const image = await doc.embedPng(png)
  await image.embed()
  const bodies: PdfObjectBody[] = []
  for (const [ref, obj] of ctx.enumerateIndirectObjects() as [PDFRef, PDFObject][]) {
    if (ref.objectNumber >= next) bodies.push({ num: ref.objectNumber, body: bytesOf(obj) })
  }
  return {
    ref: image.ref.objectNumber,
    width: image.width,
    height: image.height,
    bodies,
    next: ctx.largestObjectNumber + 1,
  }
}

/** The signature block: explicit, or found by the text search; null when not found. */
const resolveBox = async (
  doc: PDFDocument,
  pdf: Uint8Array,
  req: AppearanceRequest,
): Promise<SignatureBox | null> => {
  const count = doc.getPageCount()
  if (req.at) {
    if (req.at.page > count) throw new AppError('UNPROCESSABLE', `signatureAt: tệp chỉ có ${count} trang.`)
    const { x, y, width, height } = req.at
    return { pageIndex: req.at.page - 1, x1: x, y1: y, x2: x + width, y2: y + height }
  }
  const found = await findSignatureBlock({ pdf, signerName: req.signerName })
  return found
    ? { ...found, pageIndex: found.pageIndex < 0 ? count + found.pageIndex : found.pageIndex }
    : null
}

const NO_BLOCK =
  'Không tìm thấy khối chữ ký ("TM.", "KT.", "Q.", "TL.", "TUQ." hoặc tên người ký) ở trang cuối; gửi tọa độ signatureAt để đặt hình chữ ký.'

export type BuiltAppearance = {
  appearance: (WidgetAppearance & { normal: number }) | null
  next: number
  /** why the signature shows less than asked (no signature block found), for the signer */
  note: string | null
}

/**
 * @param next the first free object number
 * @returns the widget's page, rectangle and objects (the appearance stream first) and the
 *   next free object number. Without an image the signature shows nothing; an approver
 *   image without a signature block is left out (with a note), and an organisation
 *   signature without one is shown as on a copy, at the top right of page 1.
 * @throws AppError 422 for explicit coordinates beyond the last page
 */
export const buildSignatureAppearance = async ({
  doc,
  pdf,
  request,
  next,
}: {
  doc: PDFDocument
  pdf: Uint8Array
  request: AppearanceRequest
  next: number
}): Promise<BuiltAppearance> => {
  const time = vietnamIsoTime(request.signingTime)
  const infoLines = [request.agencyName.normalize('NFC'), `Thời gian ký: ${time}`]
  let pageIndex: number
  let rect: [number, number, number, number]
  let content: string
  let note: string | null = null
  const bodies: PdfObjectBody[] = []
  const resources: string[] = []
  let free = next
  const nothing = (why: string | null): BuiltAppearance => ({ appearance: null, next, note: why })

  const font = buildPdfTextFont(infoLines)
  const writeInfo = (x: number, topBaseline: number, size: number, align: 'left' | 'right') =>
    infoLines
      .map((line, i) => {
        const w = font.widthOf(line, size)
        const lx = align === 'right' ? x - w : x
        return `BT /F1 ${size} Tf 0 0 0.55 rg 1 0 0 1 ${n(lx)} ${n(topBaseline - i * size * 1.25)} Tm ${font.encode(line)} Tj ET`
      })
      .join('\n')
  const addFont = () => {
    const fontNum = free
    free += font.objectCount
    bodies.push(...font.objects(fontNum))
    return fontNum
  }

  let sig: SignatureBox | null = null
  let placement = request.placement
  if (request.role === 'approver' || placement === 'document') {
    if (!request.image) return nothing(null)
    sig = request.role === 'organisation' ? approverWidget(doc) : null
    sig ??= await resolveBox(doc, pdf, request)
    if (!sig && request.role === 'approver') return nothing(NO_BLOCK)
    if (!sig) {
      note = `${NO_BLOCK} Chữ ký số của cơ quan được thể hiện ở góc trên bên phải trang 1.`
      placement = 'copy'
    }
  }
  const apNum = free++

  if (request.role === 'organisation' && placement === 'copy') {
    const page = doc.getPages()[0]
    if (!page) return nothing(null)
    const { width, height } = page.getSize()
    const right = width - 28
    const top = height - 16
    const w = Math.max(...infoLines.map((l) => font.widthOf(l, INFO_SIZE))) + 4
    pageIndex = 0
    rect = [right - w, top - INFO_SIZE * 2.6, right + 2, top + INFO_SIZE]
    const [rx, ry] = rect
    content = writeInfo(right - rx, top - ry - INFO_SIZE * 0.8, INFO_SIZE, 'right')
    resources.push(`/Font << /F1 ${addFont()} 0 R >>`)
  } else {
    const box = sig as SignatureBox
    const image = await embedImage(doc, request.image as Uint8Array, free)
    bodies.push(...image.bodies)
    free = image.next
    if (request.role === 'approver') {
      const boxW = box.x2 - box.x1
      const boxH = box.y2 - box.y1
      const scale = Math.min(boxW / image.width, boxH / image.height)
      const w = image.width * scale
      const h = image.height * scale
      const cx = (box.x1 + box.x2) / 2
      pageIndex = box.pageIndex
      rect = [cx - w / 2, box.y1 + (boxH - h) / 2, cx + w / 2, box.y1 + (boxH + h) / 2]
      content = `q ${n(w)} 0 0 ${n(h)} 0 0 cm /Im1 Do Q`
      resources.push(`/XObject << /Im1 ${image.ref} 0 R >>`)
    } else {
      // the seal overlaps the left third of the approver's signature (or of the block)
      const scale = mmToPt(request.sealDiameterMm ?? 36) / Math.max(image.width, image.height)
      const w = image.width * scale
      const h = image.height * scale
      const sealX = box.x1 + (box.x2 - box.x1) / 3 - w
      const sealY = (box.y1 + box.y2) / 2 - h / 2
      const infoW = Math.max(...infoLines.map((l) => font.widthOf(l, INFO_SIZE * 0.8)))
      const x1 = Math.min(sealX, sealX + w / 2 - infoW / 2)
      const y1 = sealY - INFO_SIZE * 2.2
      const x2 = Math.max(sealX + w, sealX + w / 2 + infoW / 2)
      pageIndex = box.pageIndex
      rect = [x1, y1, x2, sealY + h]
      resources.push(`/XObject << /Im1 ${image.ref} 0 R >>`, `/Font << /F1 ${addFont()} 0 R >>`)
      content = [
        `q ${n(w)} 0 0 ${n(h)} ${n(sealX - x1)} ${n(sealY - y1)} cm /Im1 Do Q`,
        writeInfo(sealX + w / 2 - infoW / 2 - x1, INFO_SIZE * 1.2, INFO_SIZE * 0.8, 'left'),
      ].join('\n')
    }
  }
  const [x1, y1, x2, y2] = rect
  bodies.unshift({
    num: apNum,
    body: `<< /Type /XObject /Subtype /Form /BBox [0 0 ${n(x2 - x1)} ${n(y2 - y1)}] /Resources << ${resources.join(' ')} >> /Length ${content.length} >>\nstream\n${content}\nendstream`,
  })
  return {
    appearance: {
      pageIndex,
      rect: rect.map((v) => Math.round(v * 100) / 100) as typeof rect,
      bodies,
      normal: apNum,
    },
    next: free,
    note,
  }
}
