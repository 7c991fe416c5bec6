/**
 * Finds Vietnamese document numbers/symbols ("số, ký hiệu" per Nghị định 30/2020, Phụ lục I)
 * such as `123/QĐ-UBND`, `45/UBND-VP` or `30/2020/NĐ-CP` in a subject, a body or a file name,
 * and infers what the routing form needs from them.
 * @module
 */

export type DocumentNumber = {
  /** normalised notation, e.g. `123/QĐ-UBND` */
  notation: string
  /** the number part, e.g. `123` */
  codeNumber: string
  /** document type name when the symbol names one (`QĐ` → `Quyết định`); `Công văn` otherwise */
  typeName: string
}

const LETTER = 'A-Za-zĐđ'
// number, optional year, then symbol parts joined by '-' (each starts with an upper-case letter)
const NOTATION_RE = new RegExp(
  `(?<![\\p{L}\\d/])(\\d{1,5})(?:[/_ ](\\d{4}))?[/_](\\p{Lu}[${LETTER}0-9]*(?:-\\p{Lu}[${LETTER}0-9]*)+)(?![\\p{L}\\d-])`,
  'gu',
)

/** Phụ lục III abbreviations → type names. A symbol without one of these is a công văn. */
const TYPE_NAMES: Record<string, string> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  GNP: 'Giấy nghỉ phép',
  PG: 'Phiếu gửi',
  PC: 'Phiếu chuyển',
  PB: 'Phiếu báo',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  CV: 'Công văn',
}

/**
 * @param text subject, body text or a file name (`123_QĐ-UBND.pdf` counts as `123/QĐ-UBND`)
 * @returns every distinct number found, in order of appearance
 */
export const findDocumentNumbers = (text: string): DocumentNumber[] => {
  const found = new Map<string, DocumentNumber>()
  for (const match of text.normalize('NFC').matchAll(NOTATION_RE)) {
    const [, number, year, symbol] = match
    if (!number || !symbol) continue
    const notation = year ? `${number}/${year}/${symbol}` : `${number}/${symbol}`
    if (found.has(notation)) continue
    const firstPart = symbol.split('-')[0] ?? ''
    found.set(notation, { notation, codeNumber: number, typeName: TYPE_NAMES[firstPart] ?? 'Công văn' })
  }
  return [...found.values()]
}

/** The first number found across several texts, searched in the order given (subject first). */
export const firstDocumentNumber = (...texts: Array<string | null | undefined>): DocumentNumber | null => {
  for (const text of texts) {
    if (!text) continue
    const [first] = findDocumentNumbers(text)
    if (first) return first
  }
  return null
}

const plain = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()

/** Whether two notations are the same number written with or without Vietnamese marks (`QĐ`/`QD`). */
export const sameNotation = (a: string, b: string): boolean => plain(a) === plain(b)

export type DocumentDate = { iso: string; display: string }

/**
 * The promulgation date as a Vietnamese document writes it under its number ("Hà Nội, ngày 15
 * tháng 3 năm 2026", also without marks), or a dd/mm/yyyy date.
 * @returns the first valid date found, or null
 */
export const findDocumentDate = (text: string): DocumentDate | null => {
  const flat = plain(text).replace(/\s+/g, ' ')
  const written = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/.exec(flat)
  const numeric = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(flat)
  const match = written ?? numeric
  if (!match) return null
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  const dd = String(day).padStart(2, '0')
  const mm = String(month).padStart(2, '0')
  return { iso: `${year}-${mm}-${dd}`, display: `${dd}/${mm}/${year}` }
}
