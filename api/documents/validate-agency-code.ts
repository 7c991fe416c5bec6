/**
 * Agency identifiers per QCVN 102:2016/BTTTT and QĐ 20/2020/QĐ-TTg: four dot-separated
 * levels, e.g. `000.00.01.H56` (level-1 code such as H56 or G01 last); the reversed
 * `G01.01.02.003` form some systems print is accepted too.
 * @module
 */
import { AppError } from '../../knowledge/errors.ts'

const STANDARD = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/
const REVERSED = /^[A-Z]\d{2}\.\d{2}\.\d{2}\.\d{3}$/

export const isAgencyCode = (code: string) => STANDARD.test(code) || REVERSED.test(code)

/**
 * @returns the code, trimmed and upper-cased
 * @throws AppError 400 naming the field and the expected shape
 * @example validateAgencyCode('000.00.01.h56') // '000.00.01.H56'
 */
export const validateAgencyCode = (raw: unknown, field = 'code'): string => {
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : ''
  if (!isAgencyCode(code)) {
    throw new AppError(
      'BAD_REQUEST',
      `${field}: mã định danh cơ quan "${String(raw)}" không đúng QCVN 102:2016 — cần dạng 000.00.01.H56 (3 số.2 số.2 số.mã cấp 1 như H56, G01).`,
    )
  }
  return code
}
