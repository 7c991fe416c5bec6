/**
 * Whether a word belongs to a two-syllable word and so starts no phrase of its own: "nhận" of "công
 * nhận", "xác nhận", "tiếp nhận" ("công nhận hộ nghèo" holds no "nhận hộ", receiving on someone's
 * behalf; "xác nhận thay đổi" no "nhận thay"). Typed without marks, more words hide another: "dong" of
 * "hoat dong", "lao dong", "hop dong" is no "đóng" ("hoat dong cua to chuc" holds no "đóng cửa", closing
 * down), "doi" of "doi tuong", "doi voi" no "đổi" (an exchange).
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Second syllables (folded) and the first syllables that make a word of them. */
const COMPOUND_ENDS = new Map([['nhan', new Set(['cong', 'xac', 'tiep', 'chung', 'thua', 'ghi', 'biet'])]])

/** The same, only for words typed without marks (with marks "động" is no "đóng"). */
const UNMARKED_ENDS = new Map([
  [
    'dong',
    new Set([
      'hoat',
      'lao',
      'hop',
      'bat',
      'cong',
      'chu',
      'tac',
      'van',
      'di',
      'bao',
      'xuc',
      'khoi',
      'luu',
      'bien',
    ]),
  ],
])

/** First syllables (folded) typed without marks, and the second syllables that make another word of them. */
const UNMARKED_STARTS = new Map([
  ['doi', new Set(['tuong', 'voi', 'thoai', 'chieu', 'tac', 'dien', 'ung', 'xu', 'lap', 'phuong', 'dap'])],
])

type Word = Pick<AnalyzedToken, 'folded' | 'clause'> & { accented?: boolean }

/** @returns true when `tokens[i]` is a syllable of such a word, within one clause */
export const inCompound = (tokens: readonly Word[], i: number): boolean => {
  const t = tokens[i]
  if (!t) return false
  const before = i > 0 && !t.clause ? tokens[i - 1] : undefined
  if (before && COMPOUND_ENDS.get(t.folded)?.has(before.folded)) return true
  if (t.accented) return false
  if (before && !before.accented && UNMARKED_ENDS.get(t.folded)?.has(before.folded)) return true
  const after = tokens[i + 1]
  return !!after && !after.clause && !after.accented && !!UNMARKED_STARTS.get(t.folded)?.has(after.folded)
}
