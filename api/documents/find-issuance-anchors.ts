/**
 * Where the clerical office writes the number and the date on page 1 of a draft (NĐ
 * 30/2020, Phụ lục I): after the label "Số:" (before the notation when the draft already
 * prints "/QĐ-STP"), and in the blanks of "…, ngày … tháng … năm …". Found by a text search
 * with pdf.js; positions are in PDF user space, per character interpolated inside a text run.
 * @module
 */
import { type Line, readPageLines } from './read-page-lines.ts'

export type NumberAnchor = {
  /** where the blank after "Số:" starts */
  labelEnd: number
  /** where the printed notation ("/QĐ-STP") starts, when the draft has one */
  notationStart: number | null
  y: number
  size: number
}

export type DateAnchor = {
  day: [number, number]
  month: [number, number]
  /** where the year goes when the draft leaves it blank; null when it is printed */
  yearAt: number | null
  y: number
  size: number
}

/** character index → x where that character starts (or the line's end) */
const startAt = (line: Line, index: number) =>
  line.chars[index]?.x0 ?? line.chars[line.chars.length - 1]?.x1 ?? 0
const endAt = (line: Line, index: number) => line.chars[index]?.x1 ?? 0

const BLANK = '[\\s._…]*'

const findNumber = (lines: Line[]): NumberAnchor | null => {
  for (const line of lines) {
    const m = /s[ốo]\s*:/iu.exec(line.text)
    if (!m) continue
    const after = m.index + m[0].length
    const rest = line.text.slice(after)
    const blank = new RegExp(`^${BLANK}`, 'u').exec(rest)?.[0].length ?? 0
    const next = rest[blank]
    // a draft that already carries a number is not stamped again
    if (next !== undefined && next !== '/') continue
    return {
      labelEnd: endAt(line, after - 1),
      notationStart: next === '/' ? startAt(line, after + blank) : null,
      y: line.y,
      size: line.size,
    }
  }
  return null
}

const findDate = (lines: Line[]): DateAnchor | null => {
  const re = new RegExp(`(ngày)(${BLANK})(tháng)(${BLANK})(năm)(${BLANK})(\\d{4})?`, 'iu')
  for (const line of lines) {
    const m = re.exec(line.text)
    if (!m) continue
    const [, ngay = '', gap1 = '', thang = '', gap2 = '', nam = '', gap3 = '', year] = m
    const at = (k: number) => m.index + k
    const dayStart = at(ngay.length)
    const monthStart = at(ngay.length + gap1.length + thang.length)
    const yearStart = at(ngay.length + gap1.length + thang.length + gap2.length + nam.length)
    if (gap1.length === 0 || gap2.length === 0) continue
    return {
      day: [endAt(line, dayStart - 1), startAt(line, dayStart + gap1.length)],
      month: [endAt(line, monthStart - 1), startAt(line, monthStart + gap2.length)],
      yearAt: year ? null : endAt(line, yearStart - 1) + (gap3.length > 0 ? line.size * 0.25 : 0),
      y: line.y,
      size: line.size,
    }
  }
  return null
}

/**
 * @returns the anchors found on page 1 (null where the text is not there)
 * @throws Error when pdf.js cannot read the page
 */
export const findIssuanceAnchors = async (pdf: Uint8Array) => {
  const [lines = []] = await readPageLines(pdf, [0])
  return { number: findNumber(lines), date: findDate(lines) }
}
