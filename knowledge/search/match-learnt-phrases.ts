/**
 * Learnt phrases: questions staff answered with a procedure when they resolved an unanswered
 * question. A later question that says the same (however typed: marks, case, punctuation,
 * spacing, Telex leftovers, one-word filler such as "cho", "ạ", "tôi") finds that procedure
 * first, at once, without a rebuild of the index.
 * @module
 */
import type { SearchIndex } from './build-search-index.ts'
import type { Synonyms } from './load-synonyms.ts'
import { analyzeText } from './normalize-vietnamese.ts'
import type { SearchResult } from './search.types.ts'
import { exactResult } from './search-procedures.ts'

export type LearntPhrase = { text: string; code: string }

/** Matching key → procedure code. */
export type LearntPhrases = Map<string, string>

/**
 * @returns the key a question is matched by: its folded words without one-word filler
 *   ("" when nothing is left)
 * @example learntPhraseKey('Cho hỏi: làm CCCD ở đâu ạ?', synonyms) // 'lam cccd o dau'
 */
export const learntPhraseKey = (text: string, synonyms: Synonyms): string =>
  analyzeText(text)
    .map((t) => t.folded)
    .filter((w) => !synonyms.filler.has(w) || synonyms.ambiguousFiller.has(w))
    .join(' ')

/** Later phrases win when two say the same. */
export const compileLearntPhrases = (phrases: LearntPhrase[], synonyms: Synonyms): LearntPhrases => {
  const out: LearntPhrases = new Map()
  for (const p of phrases) {
    const key = learntPhraseKey(p.text, synonyms)
    if (key) out.set(key, p.code)
  }
  return out
}

/** @returns the procedure code taught for this question, or null */
export const matchLearntPhrase = (
  phrases: LearntPhrases,
  question: string,
  synonyms: Synonyms,
): string | null => (phrases.size ? (phrases.get(learntPhraseKey(question, synonyms)) ?? null) : null)

/**
 * Puts the taught procedure first, scored like a typed code (it was chosen by a person for
 * exactly this question); the other results keep their order.
 */
export const withLearntFirst = (
  results: SearchResult[],
  index: SearchIndex,
  code: string,
): SearchResult[] => {
  const first = exactResult(index, code)
  return first ? [first, ...results.filter((r) => r.code !== code)] : results
}
