/**
 * Where a question says what the procedure is for: "chuyển đất vườn sang đất ở để xây nhà", "xin
 * xác nhận kết quả thi hành án để xóa án tích". The clause starts at "để" (after the first two
 * words, so "để làm gì" opening a message is not one) and ends where a new clause starts ("… để
 * trống phần cha, giờ bố cháu muốn nhận con"). A paper asked about after the procedure is named ("làm
 * khai sinh cho con có cần sổ hộ khẩu không", "đi đăng ký kết hôn có cần xác nhận độc thân không") is
 * read the same way: what the procedure needs, not the procedure asked for. Its clause starts at "có cần"
 * or "có phải" (after the first two words) when a paper's word follows, after "mang", "nộp", "kèm" …,
 * and ends at the closing "không".
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Words that start a new clause after a purpose ("giờ", "muốn", "nhưng"), folded → with marks. */
const CLAUSE_AFTER_PURPOSE = new Map([
  ['gio', 'giờ'],
  ['muon', 'muốn'],
  ['nhung', 'nhưng'],
])

const startsClause = (t: AnalyzedToken): boolean => {
  const marked = CLAUSE_AFTER_PURPOSE.get(t.folded)
  return marked !== undefined && (!t.accented || t.text === marked)
}

/**
 * The purpose clause: `start` is its "để" (its "có" for a paper asked about), `end` the first token after it
 * (the length when it runs to the end); `kind` says which of the two it is.
 */
export type PurposeClause = { start: number; end: number; kind: 'purpose' | 'paper' }

/**
 * @returns the first purpose clause of the tokens, or null when they have none
 * @example findPurposeClause(analyzeText('xin xác nhận để xóa án tích')) // { start: 3, end: 7, kind: 'purpose' }
 */
export const findPurposeClause = (tokens: readonly AnalyzedToken[]): PurposeClause | null => {
  const start = tokens.findIndex((t, k) => k >= 2 && t.folded === 'de' && (!t.accented || t.text === 'để'))
  if (start < 0) return findAskedPaper(tokens)
  const end = tokens.findIndex((t, k) => k > start && startsClause(t))
  return { start, end: end < 0 ? tokens.length : end, kind: 'purpose' }
}

/** Words between "có cần" and the paper: bringing or handing it in ("mang theo", "nộp kèm"), folded. */
const BRINGING = new Set(['mang', 'theo', 'nop', 'kem', 'co', 'xuat', 'trinh', 'them', 'phai', 'can'])

/**
 * How a paper's name starts, folded: a word alone ("giấy", "sổ", "bản") or a pair ("căn cước", "hộ
 * khẩu", "xác nhận"). Not a permit or a passport: "xây nhà có cần giấy phép không", "đi Thái có cần hộ
 * chiếu không" ask for the paper itself.
 */
const PAPER_WORDS = new Set(['so', 'ban', 'cccd', 'cmnd', 'anh', 'don', 'phieu', 'to'])
const PAPER_PAIRS = new Set([
  'giay to',
  'giay khai',
  'giay chung',
  'giay xac',
  'giay dang',
  'giay bao',
  'giay uy',
  'giay kham',
  'can cuoc',
  'ho khau',
  'xac nhan',
  'hop dong',
  'chung minh',
  'chung nhan',
  'trich luc',
  'to khai',
])

/** "có cần (mang) sổ hộ khẩu … không": from "có" to the closing "không", or null. */
const findAskedPaper = (tokens: readonly AnalyzedToken[]): PurposeClause | null => {
  const start = tokens.findIndex(
    (t, k) => k >= 2 && t.folded === 'co' && ['can', 'phai'].includes(tokens[k + 1]?.folded ?? ''),
  )
  if (start < 0) return null
  let at = start + 2
  while (at < tokens.length && BRINGING.has(tokens[at]?.folded ?? '') && !tokens[at]?.clause) at++
  const word = tokens[at]?.folded ?? ''
  const pair = `${word} ${tokens[at + 1]?.folded ?? ''}`
  if (!PAPER_WORDS.has(word) && !PAPER_PAIRS.has(pair)) return null
  const close = tokens.findIndex((t, k) => k > at && (t.folded === 'khong' || t.clause === true))
  return close < 0 || tokens[close]?.clause ? null : { start, end: close, kind: 'paper' }
}
