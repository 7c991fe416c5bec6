/**
 * The part of a question that says what the citizen wants done: what follows "muốn" ("đã thôi quốc
 * tịch, giờ muốn trở lại quốc tịch", "bị mất điện thoại, muốn khóa tài khoản VNeID"). What comes
 * before it tells what happened, so an action named there (the "thôi" of a nationality given up
 * years ago, the "mất" of a phone) is not the action asked when the requested part names one.
 * @module
 */
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'

/** Whether the token is "muốn" (typed without marks: "muon"). */
const isWant = (t: AnalyzedToken): boolean => t.folded === 'muon' && (!t.accented || t.text === 'muốn')

/**
 * @param namesAction whether some words name an action (the fit model's question phrases)
 * @returns the words after the last "muốn" that is followed by an action, or null when no "muốn" is
 *   (then every action the question names is asked)
 */
export const findRequestedPart = (
  tokens: readonly AnalyzedToken[],
  namesAction: (words: readonly AnalyzedToken[]) => boolean,
): readonly AnalyzedToken[] | null => {
  for (let i = tokens.length - 2; i > 0; i--) {
    if (!isWant(tokens[i] as AnalyzedToken)) continue
    const rest = tokens.slice(i + 1)
    if (namesAction(rest)) return rest
  }
  return null
}
