/**
 * Parses the portal's flattened "Căn cứ pháp lý" table (document titles glued to their
 * numbers, "…bộ máy nhà nước190/2025/NQ-QH15") into legal-basis entries.
 * @module
 */

import { cleanText, type Parsed, type ParseWarning, PLACEHOLDER } from './parse-text.ts'
import type { ProcedureLegalBasis } from './procedure.types.ts'

const HEADER = 'Tên văn bản pháp lýMã văn bản'

// Issuer parts are capital runs; only a few carry digits (QH15, UBTVQH15, C06), so a number
// glued after a part starts the next one ("NĐ-CP58/2020/NĐ-CP"). A capital run never swallows
// the first letter of a glued title ("NĐ-CPThông tư" ends at "CP"), but a title's own
// number may be glued to its date ("53/2025/TT-BCAngày 01/7/2025").
const PART =
  '(?:UBTVQH\\d{2}|QH\\d{2}|[A-ZĐ]\\d{2}(?!\\d)|TTg|[A-ZĐ]+(?=ngày|sửa đổi|quy định|hướng dẫn|về |của |ban hành)|[A-ZĐ]+(?![a-zà-ỹđ]))'
const NUMBER = new RegExp(
  `\\d+(?:\\.\\d+)?/(?:\\d{4}/)?${PART}(?:\\s?-\\s?(?:${PART}|\\d{1,2}(?!\\d)))*|[A-ZĐ]+/\\d+-${PART}(?:-${PART})*`,
  'gu',
)
// The number column sometimes repeats the kind of document ("…tiền mặtNghị định 52/2024/NĐ-CP").
const KIND_PREFIX =
  /(?<=[\p{Ll}.)\d])(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Pháp lệnh)(?: số)? $/u

const KINDS = ['Thông tư', 'Nghị định', 'Nghị quyết', 'Quyết định', 'Luật', 'Bộ luật', 'Pháp lệnh', 'Chỉ thị']

/** A title that lost its first letter in the export ("hông tư số 06/2025…") gets it back. */
const restoreKind = (title: string): string => {
  const t = title.trimStart()
  if (!/^\p{Ll}/u.test(t)) return title
  const kind = KINDS.find((k) => t.startsWith(`${k.slice(1)} `))
  return kind ? `${kind[0]}${t}` : title
}

// Issuers a glued number ends with ("…Việt Nam04/2015/TT-BCAQUY ĐỊNH…" is 04/2015/TT-BCA): the
// known ministries, longest first, so the capital letters of the next title are not taken.
const MINISTRIES =
  'BLĐTBXH|BNNPTNT|BVHTTDL|BGDĐT|BKHĐT|BTNMT|BGTVT|BTTTT|BKHCN|BNNMT|NHNN|UBDT|VPCP|TTCP|BCA|BTC|BTP|BQP|BYT|BNV|BXD|BCT|BNG|CP'
const ISSUER = `(?:UBTVQH\\d{2}|QH\\d{2}|QĐ-TTg|PL-UBTVQH\\d{2}|NQ-(?:QH\\d{2}|UBTVQH\\d{2}|CP)|(?:TTLT\\/|(?:TT|TTLT|QĐ|NĐ|CT)-)(?:${MINISTRIES})(?:-(?:${MINISTRIES}))*)`
/** A document number glued to the word before it: several rows of the table ran together. */
const GLUED_NUMBER = new RegExp(`(?<=[\\p{Ll})])\\d{1,4}\\/\\d{4}\\/${ISSUER}`, 'u')

/**
 * A title holding another document's number glued to a word ("…người có công với cách
 * mạng04/2012/UBTVQH1326/2005/PL-UBTVQH11 - …") is several rows run together: only the first
 * title is kept, with the number glued to it, and the rest is dropped rather than quoted as is.
 * A number glued to the word after it ("53/2025/TT-BCAngày 01/7/2025") only gets its space back.
 */
const cleanEntry = (
  entry: ProcedureLegalBasis,
): { entry: ProcedureLegalBasis | null; malformed: boolean } => {
  const title = entry.title.replace(/(\d\/\d{4}\/[A-ZĐ][A-ZĐ\d-]*?[A-ZĐ\d])(Ngày|ngày|của|về|sửa)/gu, '$1 $2')
  const glued = GLUED_NUMBER.exec(title)
  if (!glued) return { entry: { ...entry, title }, malformed: false }
  const first = cleanText(title.slice(0, glued.index))
  if (first.length < 10) return { entry: null, malformed: true }
  return { entry: { title: first, number: glued[0] }, malformed: true }
}

/**
 * @param raw the record's `can_cu_phap_ly`
 * @returns one entry per row: the title and the document number (e.g. "190/2025/QH15")
 * @example parseLegalBasis('Tên văn bản pháp lýMã văn bảnLuật Căn cước26/2023/QH15').value
 * // [{ title: 'Luật Căn cước', number: '26/2023/QH15' }]
 */
export const parseLegalBasis = (raw: string | null | undefined): Parsed<ProcedureLegalBasis[]> => {
  const text = (raw ?? '').normalize('NFC').trim()
  const warnings: ParseWarning[] = []
  if (text === '' || cleanText(text) === PLACEHOLDER) return { value: [], warnings }
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text
  const value: ProcedureLegalBasis[] = []
  let from = 0
  for (const match of body.matchAll(NUMBER)) {
    const index = match.index ?? 0
    let end = index + match[0].length
    // A row ends where its number is glued to the next title or ends the text; a number
    // followed by a space or punctuation sits inside a title, one followed by a digit
    // is the title's own number with the row's number glued after it.
    const next = body[end]
    if (next !== undefined && (!/\p{L}/u.test(next) || body.startsWith('ngày', end))) continue
    let title = body.slice(from, index)
    let number = match[0].replace(/\s/g, '')
    // "…12/2025/TT-BCAhông tư số 06…": the next title lost its first letter, and the number
    // stopped short at the capital that is really its own last letter. The title says which.
    const tail = /^[A-ZĐ]+/.exec(body.slice(end))?.[0]
    if (tail) {
      const own = new RegExp(
        `${number.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([A-ZĐ]+)(?![A-ZĐ])`,
        'u',
      ).exec(title)
      if (own?.[1] && tail.startsWith(own[1])) {
        number += own[1]
        end += own[1].length
      }
    }
    // "Luật Cư trú 2020" glued to "68/2020/QH14" reads as "202068/2020/QH14".
    const year = /^((?:19|20)\d{2})(\d{1,4}\/)/.exec(number)
    if (year?.[1] && year[2]) {
      title += year[1]
      number = number.slice(year[1].length)
    }
    const prefix = KIND_PREFIX.exec(title)
    if (prefix) title = title.slice(0, prefix.index)
    title = restoreKind(title)
    const cleanedTitle = cleanText(title)
    value.push({ title: cleanedTitle === '' ? number : cleanedTitle, number })
    from = end
  }
  const rest = cleanText(body.slice(from))
  if (rest !== '') {
    warnings.push({
      code: 'LEGAL_NUMBER_MISSING',
      message: `văn bản không có số hiệu: "${rest.slice(0, 60)}"`,
    })
    value.push({ title: rest, number: null })
  }
  const cleaned: ProcedureLegalBasis[] = []
  for (const entry of value) {
    const result = cleanEntry(entry)
    if (result.malformed) {
      warnings.push({
        code: 'LEGAL_MALFORMED',
        message: `căn cứ pháp lý bị dính liền nhiều văn bản, ${result.entry ? 'chỉ giữ văn bản đầu' : 'bỏ qua'}: "${entry.title.slice(0, 60)}"`,
      })
    }
    if (
      result.entry &&
      !cleaned.some((e) => e.title === result.entry?.title && e.number === result.entry.number)
    )
      cleaned.push(result.entry)
  }
  return { value: cleaned, warnings }
}
