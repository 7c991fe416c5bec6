/**
 * Whether a phrase of the vocabulary is typed at a word of the message: folded alike, and with the
 * same marks where the citizen typed marks ("à không" matches "à không" and "a khong", not "ạ không").
 * Life events, facts that decide a variant and corrections are all read so.
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/**
 * @param tokens the message's words
 * @param i where the phrase would start
 * @param phrase the phrase, analysed (`analyzeText`)
 * @param withinClause when true, no clause break may fall inside the phrase ("à, không …" is no "à không")
 * @example typedPhraseAt(analyzeMessage('đổi bằng lái, à không, làm lại'), 3, analyzeText('à không')) // true
 */
export const typedPhraseAt = (
  tokens: readonly AnalyzedToken[],
  i: number,
  phrase: readonly AnalyzedToken[],
  withinClause = false,
): boolean =>
  phrase.every((p, k) => {
    const t = tokens[i + k]
    return (
      t !== undefined &&
      t.folded === p.folded &&
      (!t.accented || t.text === p.text) &&
      (!withinClause || k === 0 || !t.clause)
    )
  })

/**
 * Whether a phrase of the vocabulary is typed anywhere in the message, as `typedPhraseAt` reads it:
 * the `unless` of an expansion so holds no "ố" (stained) in "ở đâu", no "máy" in "mất mấy ngày".
 * @example typedPhraseIn(analyzeMessage('cấp lại sổ đỏ ở đâu'), analyzeText('ố')) // false
 */
export const typedPhraseIn = (tokens: readonly AnalyzedToken[], phrase: readonly AnalyzedToken[]): boolean =>
  tokens.some((_, i) => typedPhraseAt(tokens, i, phrase))
