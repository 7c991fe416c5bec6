/**
 * The procedure's name as a citizen reads it. A few records of the national export end their
 * name with their own code in brackets ("Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727 )");
 * every reply already names the code once ("mã 1.010727"), so the bracket is left out of the name.
 * @module
 */
import { escapeRegExp } from '../text/escape-regexp.ts'
import { cleanText } from './parse-text.ts'

/** The cleaned name without a trailing "(CODE)" that repeats the record's own code; any other bracket is kept. */
export const parseName = (name: string, code: string): string => {
  const cleaned = cleanText(name)
  const ownCode = cleanText(code)
  if (ownCode === '') return cleaned
  const stripped = cleaned.replace(new RegExp(`\\s*\\(\\s*${escapeRegExp(ownCode)}\\s*\\)$`), '').trim()
  return stripped === '' ? cleaned : stripped
}
