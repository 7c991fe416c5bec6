/**
 * Parses the portal's "Kết quả thực hiện": result names glued to their codes
 * ("Giấy khai sinhMã: KQ.G15.000031"), followed by the portal's own page text from
 * "Từ khóa" on, which is not part of the record.
 * @module
 */
import { cleanText, PLACEHOLDER } from './parse-text.ts'

const RESULT_CODE = /Mã:\s*KQ\.[A-Z]\d+\.\d+/g

/** @example parseResults('Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tin') // ['Giấy khai sinh'] */
export const parseResults = (raw: string | null | undefined): string[] => {
  const text = (raw ?? '').normalize('NFC')
  const cut = text.indexOf('Từ khóa')
  const body = cut === -1 ? text : text.slice(0, cut)
  return body
    .split(RESULT_CODE)
    .map((part) => cleanText(part))
    .filter((part) => part !== '' && part !== PLACEHOLDER)
}
