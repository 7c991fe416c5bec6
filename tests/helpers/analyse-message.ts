/**
 * A message read as the search reads it: its analysed tokens before looking for the story it
 * tells, the words a reading of them marks, and the words the search looks for, to compare as
 * plain text.
 * @module
 */
import { expandQuery, rewriteAbbreviations } from '../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../knowledge/search/load-synonyms.ts'
import { type AnalyzedToken, analyzeText } from '../../knowledge/search/normalize-vietnamese.ts'

const synonyms = loadSynonyms()

/** The message's tokens with the shipped abbreviations rewritten ("CCCD", "GPLX" …). */
export const analyse = (text: string): AnalyzedToken[] => rewriteAbbreviations(analyzeText(text), synonyms)

/** The words the search looks for in a message under the shipped synonyms, folded (no marks). */
export const searchedWords = (text: string): string[] =>
  expandQuery(text, synonyms).terms.map((t) => t.folded)

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
