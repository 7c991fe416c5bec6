/**
 * Text clean-up shared by the portal parsers: NFC, collapsed whitespace, and the
 * portal's "Không có thông tin" placeholder, which means unknown and must never
 * become a value.
 * @module
 */

export const PLACEHOLDER = 'Không có thông tin'

/** A parser's remark about input it could not read fully; the import collects them. */
export type ParseWarning = { code: string; message: string }

export type Parsed<T> = { value: T; warnings: ParseWarning[] }

/**
 * NFC, invisible characters removed, whitespace runs collapsed to one space, trimmed.
 * @example cleanText('  Cấp  xã\n') // 'Cấp xã'
 */
export const cleanText = (text: string | null | undefined): string =>
  (text ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** Like cleanText but keeps line breaks (collapsing blank lines), for free text with structure. */
export const cleanLines = (text: string | null | undefined): string[] =>
  (text ?? '')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => cleanText(line))
    .filter((line) => line.length > 0)

export const isPlaceholder = (text: string | null | undefined): boolean => {
  const cleaned = cleanText(text)
  return cleaned === '' || cleaned === PLACEHOLDER
}

/**
 * @returns the cleaned text, or null when it is empty or the portal placeholder
 * @example parseOptionalText('Không có thông tin') // null
 */
export const parseOptionalText = (text: string | null | undefined): string | null =>
  isPlaceholder(text) ? null : cleanText(text)
