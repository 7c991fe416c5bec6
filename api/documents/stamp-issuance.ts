/**
 * Issuance (NĐ 30/2020, Điều 15–17; Phụ lục I): before the organisation signs, the
 * clerical office writes the document's number and date on page 1. They are added as an
 * incremental update of two FreeText annotations whose appearances only draw text
 * (/NM `issuance-stamp-number` and `issuance-stamp-date`, each at most 300 × 100 pt): the
 * stamp the revision comparison accepts after the approver's signature. The number goes
 * after "Số:" (just before the notation when the draft prints it), the day, month and
 * (when blank) year into "ngày … tháng … năm …", or at explicit coordinates.
 * @module
 */
import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib'
import { AppError } from '../../knowledge/errors.ts'
import { appendPdfUpdate, nextObjectNumber, type PdfObjectBody } from './append-pdf-update.ts'
import { buildPdfTextFont } from './build-pdf-text-font.ts'
import { STAMP_NAME_PREFIX } from './compare-signed-revisions.ts'
import { findIssuanceAnchors } from './find-issuance-anchors.ts'

export type StampPoint = { x: number; y: number; size?: number | undefined }

export type IssuanceStamp = {
  /** number and notation, e.g. 123/QĐ-STP */
  notation: string
  /** the date of issue, YYYY-MM-DD */
  date: string
  /** where the number/notation starts (baseline, page 1), instead of the text search */
  numberAt?: StampPoint | undefined
  /** where "ngày … tháng … năm …" starts, instead of the text search */
  dateAt?: StampPoint | undefined
}

type Piece = { text: string; x: number; y: number; size: number }

export const STAMP_NUMBER_NAME = `${STAMP_NAME_PREFIX}-number`
export const STAMP_DATE_NAME = `${STAMP_NAME_PREFIX}-date`
const DEFAULT_SIZE = 13
const MAX = { width: 300, height: 100 }

/** Day below 10 and months 1 and 2 take a leading zero (NĐ 30/2020, Phụ lục I). */
export const decreeDateParts = (date: string) => {
  const [year = '', month = '', day = ''] = date.split('-')
  const m = Number(month)
  return { day: String(Number(day)).padStart(2, '0'), month: m <= 2 ? `0${m}` : String(m), year }
}

const utf16Hex = (text: string) =>
  `<FEFF${Buffer.from(text.normalize('NFC'), 'utf16le').swap16().toString('hex').toUpperCase()}>`

const n = (v: number) => (Math.round(v * 100) / 100).toString()

const placePieces = async (
  pdf: Uint8Array,
  stamp: IssuanceStamp,
  widthOf: (t: string, s: number) => number,
) => {
  const { day, month, year } = decreeDateParts(stamp.date)
  const anchors =
    stamp.numberAt && stamp.dateAt ? { number: null, date: null } : await findIssuanceAnchors(pdf)
  let number: Piece[]
  if (stamp.numberAt) {
    const { x, y, size = DEFAULT_SIZE } = stamp.numberAt
    number = [{ text: stamp.notation, x, y, size }]
  } else if (anchors.number) {
    const { labelEnd, notationStart, y, size } = anchors.number
    if (notationStart === null) number = [{ text: stamp.notation, x: labelEnd + size * 0.3, y, size }]
    else {
      // the draft prints "/QĐ-STP": only the number goes into the blank, just before it
      const text = stamp.notation.split('/')[0] ?? stamp.notation
      const x = Math.max(labelEnd + size * 0.2, notationStart - widthOf(text, size) - size * 0.1)
      number = [{ text, x, y, size }]
    }
  } else {
    throw new AppError(
      'UNPROCESSABLE',
      'issuance: không tìm thấy chỗ trống sau "Số:" trên trang 1 để ghi số văn bản; hãy gửi tọa độ numberAt.',
    )
  }
  let dated: Piece[]
  if (stamp.dateAt) {
    const { x, y, size = DEFAULT_SIZE } = stamp.dateAt
    dated = [{ text: `ngày ${day} tháng ${month} năm ${year}`, x, y, size }]
  } else if (anchors.date) {
    const { y, size } = anchors.date
    const centred = (text: string, [a, b]: [number, number]) => ({
      text,
      x: (a + b) / 2 - widthOf(text, size) / 2,
      y,
      size,
    })
    dated = [centred(day, anchors.date.day), centred(month, anchors.date.month)]
    if (anchors.date.yearAt !== null) dated.push({ text: year, x: anchors.date.yearAt, y, size })
  } else {
    throw new AppError(
      'UNPROCESSABLE',
      'issuance: không tìm thấy dòng "ngày … tháng … năm …" còn trống trên trang 1; hãy gửi tọa độ dateAt.',
    )
  }
  return { number, dated }
}

/**
 * @returns the PDF with the stamp appended (the input bytes unchanged at its start)
 * @throws AppError 422 when page 1 has no place for the number or the date and no
 *   coordinates are given, or the stamp would be larger than a stamp may be
 */
export const stampIssuance = async ({ pdf, stamp }: { pdf: Uint8Array; stamp: IssuanceStamp }) => {
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false })
  } catch {
    throw new AppError('UNPROCESSABLE', 'Tệp không phải PDF đọc được. Not a readable PDF.')
  }
  const page = doc.getPages()[0]
  if (!page) throw new AppError('UNPROCESSABLE', 'Tệp PDF không có trang nào.')
  const notation = stamp.notation.normalize('NFC')
  const { day, month, year } = decreeDateParts(stamp.date)
  const font = buildPdfTextFont([notation, `ngày ${day} tháng ${month} năm ${year}`])
  const { number, dated } = await placePieces(pdf, { ...stamp, notation }, font.widthOf)

  const ctx = doc.context
  const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  let next = nextObjectNumber(ctx, latin1)
  const fontNum = next
  next += font.objectCount
  const bodies: PdfObjectBody[] = font.objects(fontNum)
  const annots: PDFRef[] = []
  const addStamp = (name: string, label: string, pieces: Piece[]) => {
    const x1 = Math.min(...pieces.map((p) => p.x)) - 1
    const x2 = Math.max(...pieces.map((p) => p.x + font.widthOf(p.text, p.size))) + 1
    const y1 = Math.min(...pieces.map((p) => p.y + font.descent * p.size)) - 1
    const y2 = Math.max(...pieces.map((p) => p.y + font.ascent * p.size)) + 1
    if (x2 - x1 > MAX.width || y2 - y1 > MAX.height) {
      throw new AppError(
        'UNPROCESSABLE',
        `issuance: ${label} chiếm ${Math.round(x2 - x1)} × ${Math.round(y2 - y1)} pt, lớn hơn khuôn khổ ${MAX.width} × ${MAX.height} pt của dấu số, ngày ban hành.`,
      )
    }
    const rect = `[${[x1, y1, x2, y2].map(n).join(' ')}]`
    const content = pieces
      .map((p) => `BT /F1 ${n(p.size)} Tf 0 g 1 0 0 1 ${n(p.x)} ${n(p.y)} Tm ${font.encode(p.text)} Tj ET`)
      .join('\n')
    const apNum = next++
    const annotNum = next++
    bodies.push(
      {
        num: apNum,
        body: `<< /Type /XObject /Subtype /Form /BBox ${rect} /Resources << /Font << /F1 ${fontNum} 0 R >> >> /Length ${content.length} >>\nstream\n${content}\nendstream`,
      },
      {
        num: annotNum,
        body: `<< /Type /Annot /Subtype /FreeText /NM (${name}) /Rect ${rect} /F 4 /Border [0 0 0] /DA (/F1 ${n(pieces[0]?.size ?? DEFAULT_SIZE)} Tf 0 g) /Contents ${utf16Hex(`${label}: ${pieces.map((p) => p.text).join(' ')}`)} /AP << /N ${apNum} 0 R >> /P ${page.ref.toString()} >>`,
      },
    )
    annots.push(PDFRef.of(annotNum))
  }
  addStamp(STAMP_NUMBER_NAME, 'Số', number)
  addStamp(STAMP_DATE_NAME, 'Ngày ban hành', dated)

  // the page's /Annots gains the two annotations
  const existing = page.node.get(PDFName.of('Annots'))
  if (existing instanceof PDFRef) {
    const arr = ctx.lookup(existing, PDFArray)
    for (const a of annots) arr.push(a)
    bodies.push({ num: existing.objectNumber, body: arr.toString() })
  } else {
    if (existing instanceof PDFArray) for (const a of annots) existing.push(a)
    else page.node.set(PDFName.of('Annots'), ctx.obj(annots))
    if (page.ref.generationNumber !== 0)
      throw new AppError('UNPROCESSABLE', 'Trang 1 có số thế hệ khác 0; không đóng dấu số được.')
    bodies.push({ num: page.ref.objectNumber, body: page.node.toString() })
  }
  return appendPdfUpdate({ pdf, ctx, bodies, size: next })
}
