/**
 * Whether a message closes something for a stated while ("đóng cửa 3 tháng", "nghỉ bán vài tháng",
 * "ngừng một thời gian"): a business shut for a span of time is suspended, not ended, so such a
 * message asks for the suspension's procedure, not the dissolution's.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'

/** Words that close or stop something (folded; "đóng" only with "cửa"). */
const CLOSING = new Set(['nghi', 'ngung', 'dung'])
/** Units of a span of time (folded). */
const UNITS = new Set(['ngay', 'tuan', 'thang', 'nam', 'bua', 'hom'])
/** Counts before a unit that make a span ("3 tháng", "vài tháng", "mấy tuần", "một thời gian"). */
const COUNTS = /^(?:\d{1,3}|vai|may|mot|hai|ba|bon|nam|sau|it)$/
/** Words before a number that make it a date ("ngày 3 tháng 5", "tháng 7"), not a span (folded). */
const DATE_WORDS = new Set(['ngay', 'thang', 'nam'])
/** How many words after the closing word the span may follow ("nghỉ bán hàng 2 tháng"). */
const REACH = 4

const spanAt = (tokens: readonly AnalyzedToken[], k: number): boolean => {
  const count = tokens[k]?.folded ?? ''
  const unit = tokens[k + 1]?.folded ?? ''
  if (!COUNTS.test(count) || DATE_WORDS.has(tokens[k - 1]?.folded ?? '')) return false
  return UNITS.has(unit) || (unit === 'thoi' && tokens[k + 2]?.folded === 'gian')
}

/**
 * @example closesForAWhile(analyzeText('tiệm muốn đóng cửa 3 tháng')) // true
 * @example closesForAWhile(analyzeText('giải thể công ty')) // false
 */
export const closesForAWhile = (tokens: readonly AnalyzedToken[]): boolean => {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.folded ?? ''
    const closing = CLOSING.has(word) || (word === 'cua' && tokens[i - 1]?.folded === 'dong')
    if (!closing) continue
    for (let k = i + 1; k <= i + REACH && k < tokens.length; k++) {
      if (k > i + 1 && tokens[k]?.clause) break
      if (spanAt(tokens, k)) return true
    }
  }
  return false
}
