/**
 * Where a question says what the procedure is for: "chuyển đất vườn sang đất ở để xây nhà", "xin
 * xác nhận kết quả thi hành án để xóa án tích". The clause starts at "để" (after the first two
 * words, so "để làm gì" opening a message is not one) and ends where a new clause starts ("… để
 * trống phần cha, giờ bố cháu muốn nhận con").
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

/** The purpose clause: `start` is its "để", `end` the first token after it (the length when it runs to the end). */
export type PurposeClause = { start: number; end: number }

/**
 * @returns the first purpose clause of the tokens, or null when they have none
 * @example findPurposeClause(analyzeText('xin xác nhận để xóa án tích')) // { start: 3, end: 7 }
 */
export const findPurposeClause = (tokens: readonly AnalyzedToken[]): PurposeClause | null => {
  const start = tokens.findIndex((t, k) => k >= 2 && t.folded === 'de' && (!t.accented || t.text === 'để'))
  if (start < 0) return null
  const end = tokens.findIndex((t, k) => k > start && startsClause(t))
  return { start, end: end < 0 ? tokens.length : end }
}
