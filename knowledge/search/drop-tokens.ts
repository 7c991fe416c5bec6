/**
 * The message's tokens without some words of the sentence that are no words of the ask (a classifier, a
 * measure: `drop-classifiers.ts`, `drop-measures.ts`). A word kept after a dropped one that opened a
 * clause opens it instead, so the message's clauses stay where they were typed.
 * @module
 */
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/**
 * @param dropAt how many tokens to drop from `i` on (0 keeps the token at `i`)
 * @returns the tokens without those dropped, or the same array when none is
 */
export const dropTokens = (tokens: AnalyzedToken[], dropAt: (i: number) => number): AnalyzedToken[] => {
  let out: AnalyzedToken[] | null = null
  let opens = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnalyzedToken
    const dropped = dropAt(i)
    if (dropped > 0) {
      out ??= tokens.slice(0, i)
      for (let k = i; k < i + dropped; k++) opens ||= !!tokens[k]?.clause
      i += dropped - 1
      continue
    }
    if (out) out.push(opens && !t.clause ? { ...t, clause: true } : t)
    opens = false
  }
  return out ?? tokens
}
