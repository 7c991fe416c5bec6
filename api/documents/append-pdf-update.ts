/**
 * Appends objects to a PDF as an incremental update (ISO 32000 §7.5.6): the original bytes
 * stay as they are, so every signature already in the file keeps covering what it signed.
 * The new section has its own cross-reference table and a trailer pointing back (/Prev).
 * @module
 */
import type { PDFContext } from 'pdf-lib'
import { AppError } from '../../knowledge/errors.ts'

/** an object to write: its number, generation (0 unless it rewrites an object that has one) and text */
export type PdfObjectBody = { num: number; gen?: number | undefined; body: string }

/**
 * Offset of the last cross-reference section.
 * @param consequence what the error says cannot be done without it
 * @throws AppError 422 without one
 */
export const lastStartXref = (latin1: string, consequence = 'không sửa được') => {
  const at = latin1.lastIndexOf('startxref')
  const match = at >= 0 ? /startxref\s+(\d+)/.exec(latin1.slice(at)) : null
  if (!match?.[1]) throw new AppError('UNPROCESSABLE', `Tệp PDF thiếu startxref; ${consequence}.`)
  return Number(match[1])
}

/** The first object number no revision of the file uses. */
export const nextObjectNumber = (ctx: PDFContext, latin1: string) => {
  let max = 0
  for (const m of latin1.matchAll(/\/Size\s+(\d+)/g)) max = Math.max(max, Number(m[1]))
  return Math.max(ctx.largestObjectNumber + 1, max)
}

/**
 * Writes `bodies`, in that order, after the original bytes with a cross-reference section and
 * a trailer pointing back to the previous one.
 * @param bodies objects as latin1 text (binary stream data as latin1 characters)
 * @param size the trailer's /Size: one more than the highest object number
 * @param prev the offset of the previous cross-reference section (lastStartXref)
 * @returns the updated file and the offset at which each of `bodies` starts, in their order
 */
export const appendPdfObjects = ({
  pdf,
  ctx,
  bodies,
  size,
  prev,
}: {
  pdf: Uint8Array
  ctx: PDFContext
  bodies: PdfObjectBody[]
  size: number
  prev: number
}): { pdf: Buffer; offsets: number[] } => {
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  const parts: string[] = []
  let offset = original.length
  if (original[original.length - 1] !== 0x0a) {
    parts.push('\n')
    offset += 1
  }
  const entries = bodies.map(({ num, gen = 0, body }) => {
    const text = `${num} ${gen} obj\n${body}\nendobj\n`
    const entry = { num, gen, offset }
    parts.push(text)
    offset += Buffer.byteLength(text, 'latin1')
    return entry
  })
  const offsets = entries.map((e) => e.offset)
  entries.sort((a, b) => a.num - b.num)
  const xref = ['xref', '0 1', '0000000000 65535 f ']
  for (const e of entries) {
    xref.push(`${e.num} 1`, `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n `)
  }
  const { Root, Info, ID } = ctx.trailerInfo
  if (!Root) throw new AppError('UNPROCESSABLE', 'Tệp PDF thiếu /Root.')
  const trailer = [`/Size ${size}`, `/Root ${Root.toString()}`, `/Prev ${prev}`]
  if (Info) trailer.push(`/Info ${Info.toString()}`)
  if (ID) trailer.push(`/ID ${ID.toString()}`)
  parts.push(`${xref.join('\n')}\ntrailer\n<< ${trailer.join(' ')} >>\nstartxref\n${offset}\n%%EOF\n`)
  return { pdf: Buffer.concat([original, Buffer.from(parts.join(''), 'latin1')]), offsets }
}

/**
 * @param bodies objects as latin1 text (binary stream data as latin1 characters)
 * @param size the trailer's /Size: one more than the highest object number
 */
export const appendPdfUpdate = ({
  pdf,
  ctx,
  bodies,
  size,
}: {
  pdf: Uint8Array
  ctx: PDFContext
  bodies: PdfObjectBody[]
  size: number
}): Buffer => {
  const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return appendPdfObjects({ pdf, ctx, bodies, size, prev: lastStartXref(latin1) }).pdf
}
