/**
 * Whether a word ends the two-syllable word before it: "nhận" of "công nhận", "xác nhận", "tiếp nhận"
 * starts no phrase of its own ("công nhận hộ nghèo" holds no "nhận hộ", receiving on someone's behalf;
 * "xác nhận thay đổi" no "nhận thay").
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Second syllables (folded) and the first syllables that make a word of them. */
const COMPOUND_ENDS = new Map([['nhan', new Set(['cong', 'xac', 'tiep', 'chung', 'thua', 'ghi', 'biet'])]])

/** @returns true when `tokens[i]` is the second syllable of such a word, within one clause */
export const inCompound = (
  tokens: readonly Pick<AnalyzedToken, 'folded' | 'clause'>[],
  i: number,
): boolean => {
  const heads = COMPOUND_ENDS.get(tokens[i]?.folded ?? '')
  return !!heads && i > 0 && heads.has(tokens[i - 1]?.folded ?? '') && !tokens[i]?.clause
}
