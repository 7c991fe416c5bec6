/**
 * The legal basis of a record as short lines: each document's title up to its issuer, with its
 * number when the title does not already say it.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { clipSentences } from './clip-sentences.ts'

/** Lines a reply shows at most (the legal facet; the footer shows the first two). */
export const MAX_LEGAL_LINES = 8

const capital = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)

/** Long titles end after their issuer ("Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an"). */
const legalTitle = (title: string): string => {
  const short =
    /^(.{20,}?\bcủa (?:Bộ trưởng )?(?:Bộ [\p{Lu}][\p{L} ]*?|Chính phủ|Quốc hội|Thủ tướng Chính phủ|Ủy ban Thường vụ Quốc hội))(?= (?:sửa đổi|quy định|hướng dẫn|về|ban hành|:))/u.exec(
      title,
    )?.[1]
  return capital(short ?? clipSentences(title, 200))
}

/** @returns one line per legal document, the first {@link MAX_LEGAL_LINES} */
export const describeLegalBasis = (p: Procedure): string[] =>
  p.legalBasis
    .slice(0, MAX_LEGAL_LINES)
    .map((l) => `${legalTitle(l.title)}${l.number && !l.title.includes(l.number) ? ` (${l.number})` : ''}`)
