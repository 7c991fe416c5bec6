/**
 * A message read as the search reads it before looking for the story it tells, and the words a
 * reading of it marks, to compare as plain text.
 * @module
 */
import { rewriteAbbreviations } from '../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../knowledge/search/load-synonyms.ts'
import { type AnalyzedToken, analyzeText } from '../../knowledge/search/normalize-vietnamese.ts'

const synonyms = loadSynonyms()

/** The message's tokens with the shipped abbreviations rewritten ("CCCD", "GPLX" …). */
export const analyse = (text: string): AnalyzedToken[] => rewriteAbbreviations(analyzeText(text), synonyms)

/** The words of `tokens` that `marks` marks, joined by spaces; null when there are no marks. */
export const markedWords = (
  tokens: readonly AnalyzedToken[],
  marks: readonly boolean[] | null | undefined,
): string | null =>
  marks
    ? tokens
        .filter((_, i) => marks[i])
        .map((t) => t.text)
        .join(' ')
    : null
