/**
 * Parses the portal's flattened "Thành phần hồ sơ" table (document name, template file
 * and number of copies glued together, sections under sub-headings) into documents.
 * @module
 */

import { cleanText, type Parsed, type ParseWarning, PLACEHOLDER } from './parse-text.ts'
import type { ProcedureDocument } from './procedure.types.ts'

const HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng'

// A quantity is glued to the end of its row ("…khai sinh1 bản chính", "…docx0 bản chính,1 bản sao").
// A digit glued to another digit is the quantity only when it is the last one ("Mẫu số 011 bản chính").
const QUANTITY =
  /(?:(?<=[^\s\d])\d{1,2}|(?<=\d)\d) bản (?:chính|sao|chụp)(?:(?:, ?| hoặc |; ?)\d{1,2} bản (?:chính|sao|chụp))*/g

const FILE_END = /\.(?:docx|doc|pdf|xlsx|xls|rtf|zip|rar)$/i
const FILE_SPLIT = /(?<=\.(?:docx|doc|pdf|xlsx|xls|rtf|zip|rar))(?!x)(?=\S)/i
const MAX_FILE_NAME = 130

/**
 * Where a template file name glued to the end of a document name begins: the leftmost
 * point without a space between two words ("…NĐ-CPMẫu số 01.docx", "…;Mẫu số 07.docx",
 * "…sảnMau 08.docx") in the last characters before the extension.
 * @returns the index, or -1 when no such point exists
 */
const fileNameStart = (text: string): number => {
  const from = Math.max(1, text.length - MAX_FILE_NAME)
  // "(mẫu 2A)36-Mẫu 2A….doc": a point inside brackets that close later is the name's own text
  let depth = 0
  for (const c of text.slice(0, from - 1))
    depth = c === '(' ? depth + 1 : c === ')' ? Math.max(0, depth - 1) : depth
  for (let i = from; i < text.length - 4; i++) {
    const prev = text[i - 1] ?? ''
    const char = text[i] ?? ''
    const next = text[i + 1] ?? ''
    depth = prev === '(' ? depth + 1 : prev === ')' ? Math.max(0, depth - 1) : depth
    if (/\s/.test(prev) || /\s/.test(char)) continue
    if (depth > 0 && text.indexOf(')', i) !== -1) continue
    const afterPunctuation = /[;,:.)”"]/.test(prev) && /[\p{L}\d]/u.test(char)
    const digitToUpper = /\d/.test(prev) && /\p{Lu}/u.test(char)
    const lowerToDigit = /\p{Ll}/u.test(prev) && /\d/.test(char)
    const lowerToUpper = /\p{Ll}/u.test(prev) && /\p{Lu}/u.test(char)
    // "QĐ-TTg" is an acronym, not a glued word.
    const acronymToWord =
      /\p{Lu}/u.test(prev) &&
      /\p{Lu}/u.test(char) &&
      /\p{Ll}/u.test(next) &&
      text.slice(i - 1, i + 2) !== 'TTg'
    if (afterPunctuation || digitToUpper || lowerToDigit || lowerToUpper || acronymToWord) return i
  }
  return -1
}

type NameAndTemplate = { name: string; template: string | null }

/** Separates the template file name(s) glued to the end of a row's name. */
const splitTemplate = (row: string): NameAndTemplate => {
  if (!FILE_END.test(row)) return { name: row, template: null }
  const pieces = row.split(FILE_SPLIT)
  const first = pieces[0] ?? ''
  const more = pieces.slice(1)
  if (more.some((piece) => piece.length > MAX_FILE_NAME)) return { name: row, template: null }
  const start = fileNameStart(first)
  if (start === -1) return { name: row, template: null }
  return { name: first.slice(0, start), template: [first.slice(start), ...more].map(cleanText).join(', ') }
}

const cleanName = (text: string): string => cleanText(text).replace(/^[-+*•]+\s*/, '')

const cleanGroup = (text: string): string | null => {
  const group = cleanText(text)
    .replace(/^[-*\s]+/, '')
    .replace(/:$/, '')
    .trim()
  return group === '' ? null : group
}

type Section = { rows: ProcedureDocument[]; trailing: string }

const parseSection = (text: string, group: string | null): Section => {
  const rows: ProcedureDocument[] = []
  let from = 0
  for (const match of text.matchAll(QUANTITY)) {
    const index = match.index ?? 0
    const { name, template } = splitTemplate(text.slice(from, index))
    const cleaned = cleanName(name)
    if (cleaned !== '') rows.push({ name: cleaned, template, copies: cleanText(match[0]), group })
    from = index + match[0].length
  }
  return { rows, trailing: text.slice(from) }
}

/**
 * @param raw the record's `thanh_phan_ho_so`
 * @returns the documents in order, each with its template, copies and sub-heading when stated
 * @example parseDocuments('--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính').value
 * // [{ name: 'Tờ khai', template: null, copies: '1 bản chính', group: null }]
 */
export const parseDocuments = (raw: string | null | undefined): Parsed<ProcedureDocument[]> => {
  const text = (raw ?? '').normalize('NFC')
  const warnings: ParseWarning[] = []
  if (cleanText(text) === '' || cleanText(text) === PLACEHOLDER) return { value: [], warnings }
  const parts = text.split(HEADER)
  if (parts.length === 1) {
    // Without the table header the field holds other text (some records carry a cut-off
    // piece of the steps here); it is not a list of documents.
    warnings.push({
      code: 'DOCUMENTS_UNPARSED',
      message: `thành phần hồ sơ không có bảng giấy tờ: "${cleanText(text).slice(0, 60)}"`,
    })
    return { value: [], warnings }
  }
  const value: ProcedureDocument[] = []
  let group = cleanGroup(parts[0] ?? '')
  for (let i = 1; i < parts.length; i++) {
    const section = parseSection(parts[i] ?? '', group)
    value.push(...section.rows)
    if (i < parts.length - 1) {
      group = cleanGroup(section.trailing)
      continue
    }
    const rest = cleanName(section.trailing)
    if (rest !== '') {
      warnings.push({
        code: 'DOCUMENT_NO_QUANTITY',
        message: `giấy tờ không có số lượng: "${rest.slice(0, 60)}"`,
      })
      value.push({ ...splitTemplate(rest), copies: null, group })
    }
  }
  return { value, warnings }
}
