/**
 * A one-page A4 draft laid out as NĐ 30/2020 Phụ lục I lays out a decision: the agency and
 * "Số:      /QĐ-STP" on the left, the national motto and "Hà Nội, ngày      tháng      năm
 * 2026" on the right, the title, the body, and at the foot "Nơi nhận:" on the left and the
 * signature block ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", room for the signature, the name) on the
 * right. Text is real Vietnamese in an embedded font, so pdf.js and poppler read it back.
 * @module
 */
import { buildPdfTextFont } from '../../api/documents/build-pdf-text-font.ts'

export type DraftLine = { text: string; x: number; y: number; size: number }

/** Where the draft puts things (PDF points, origin bottom-left). */
export const DRAFT_LAYOUT = {
  numberLine: { y: 745, labelX: 95, notationX: 150 },
  dateLine: { y: 745, x: 318 },
  signatureBlock: { titleY: 300, nameY: 200, x: 380 },
} as const

export const decree30DraftLines = ({ number = false, date = false } = {}): DraftLine[] => [
  { text: 'UBND THÀNH PHỐ HÀ NỘI', x: 80, y: 790, size: 12 },
  { text: 'SỞ TƯ PHÁP', x: 112, y: 775, size: 12 },
  { text: 'Số:', x: DRAFT_LAYOUT.numberLine.labelX, y: 745, size: 13 },
  ...(number ? [{ text: '45', x: 123, y: 745, size: 13 }] : []),
  { text: '/QĐ-STP', x: DRAFT_LAYOUT.numberLine.notationX, y: 745, size: 13 },
  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x: 300, y: 790, size: 12 },
  { text: 'Độc lập - Tự do - Hạnh phúc', x: 345, y: 775, size: 12 },
  {
    text: date ? 'Hà Nội, ngày 20 tháng 11 năm 2026' : 'Hà Nội, ngày        tháng        năm 2026',
    x: DRAFT_LAYOUT.dateLine.x,
    y: 745,
    size: 13,
  },
  { text: 'QUYẾT ĐỊNH', x: 255, y: 690, size: 14 },
  { text: 'Về việc ban hành Quy chế làm việc của Sở Tư pháp', x: 150, y: 670, size: 13 },
  { text: 'GIÁM ĐỐC SỞ TƯ PHÁP', x: 225, y: 635, size: 13 },
  {
    text: 'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Tư pháp.',
    x: 70,
    y: 600,
    size: 13,
  },
  { text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', x: 70, y: 580, size: 13 },
  { text: 'Điều 3. Chánh Văn phòng Sở và các phòng chịu trách nhiệm thi hành.', x: 70, y: 560, size: 13 },
  { text: 'Nơi nhận:', x: 60, y: DRAFT_LAYOUT.signatureBlock.titleY, size: 12 },
  { text: '- Như Điều 3;', x: 60, y: 285, size: 11 },
  { text: '- Lưu: VT, VP.', x: 60, y: 271, size: 11 },
  { text: 'KT. GIÁM ĐỐC', x: DRAFT_LAYOUT.signatureBlock.x, y: DRAFT_LAYOUT.signatureBlock.titleY, size: 13 },
  { text: 'PHÓ GIÁM ĐỐC', x: DRAFT_LAYOUT.signatureBlock.x, y: 285, size: 13 },
  { text: 'Nguyễn Văn An', x: 383, y: DRAFT_LAYOUT.signatureBlock.nameY, size: 13 },
]

/** The draft as a classic PDF (one revision, xref table). */
export const makeDecree30Draft = (options: { number?: boolean; date?: boolean } = {}): Buffer => {
  const lines = decree30DraftLines(options)
  const font = buildPdfTextFont(lines.map((l) => l.text))
  const content = lines
    .map((l) => `BT /F1 ${l.size} Tf 1 0 0 1 ${l.x} ${l.y} Tm ${font.encode(l.text)} Tj ET`)
    .join('\n')
  const bodies = [
    { num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    {
      num: 3,
      body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    },
    { num: 4, body: `<< /Length ${content.length} >>\nstream\n${content}\nendstream` },
    ...font.objects(5),
  ]
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  for (const { num, body } of bodies) {
    offsets[num] = Buffer.byteLength(out, 'latin1')
    out += `${num} 0 obj\n${body}\nendobj\n`
  }
  const xrefAt = Buffer.byteLength(out, 'latin1')
  const size = bodies.length + 1
  out += `xref\n0 ${size}\n0000000000 65535 f \n`
  for (let i = 1; i < size; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
