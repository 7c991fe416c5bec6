/**
 * Appends objects to a PDF as an incremental update (ISO 32000 §7.5.6): the original bytes
 * stay as they are, so every signature already in the file keeps covering what it signed.
 * The new section has its own cross-reference table and a trailer pointing back (/Prev).
 * @module
 */
import type { PDFContext } from 'pdf-lib'
import { AppError } from '../../knowledge/errors.ts'

export type PdfObjectBody = { num: number; body: string }

/** Offset of the last cross-reference section. @throws AppError 422 without one */
export const lastStartXref = (latin1: string) => {
  const at = latin1.lastIndexOf('startxref')
  const match = at >= 0 ? /startxref\s+(\d+)/.exec(latin1.slice(at)) : null
  if (!match?.[1]) throw new AppError('UNPROCESSABLE', 'Tệp PDF thiếu startxref; không sửa được.')
  return Number(match[1])
}

/** The first object number no revision of the file uses. */
export const nextObjectNumber = (ctx: PDFContext, latin1: string) => {
  let max = 0
  for (const m of latin1.matchAll(/\/Size\s+(\d+)/g)) max = Math.max(max, Number(m[1]))
  return Math.max(ctx.largestObjectNumber + 1, max)
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
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  const latin1 = original.toString('latin1')
  const prev = lastStartXref(latin1)
  const parts: string[] = []
  let offset = original.length
  if (original[original.length - 1] !== 0x0a) {
    parts.push('\n')
    offset += 1
  }
  const entries: { num: number; offset: number }[] = []
  for (const { num, body } of bodies) {
    const text = `${num} 0 obj\n${body}\nendobj\n`
    entries.push({ num, offset })
    parts.push(text)
    offset += Buffer.byteLength(text, 'latin1')
  }
  entries.sort((a, b) => a.num - b.num)
  const xref = ['xref', '0 1', '0000000000 65535 f ']
  for (const e of entries) xref.push(`${e.num} 1`, `${String(e.offset).padStart(10, '0')} 00000 n `)
  const { Root, Info, ID } = ctx.trailerInfo
  if (!Root) throw new AppError('UNPROCESSABLE', 'Tệp PDF thiếu /Root.')
  const trailer = [`/Size ${size}`, `/Root ${Root.toString()}`, `/Prev ${prev}`]
  if (Info) trailer.push(`/Info ${Info.toString()}`)
  if (ID) trailer.push(`/ID ${ID.toString()}`)
  parts.push(`${xref.join('\n')}\ntrailer\n<< ${trailer.join(' ')} >>\nstartxref\n${offset}\n%%EOF\n`)
  return Buffer.concat([original, Buffer.from(parts.join(''), 'latin1')])
}
