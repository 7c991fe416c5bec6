/**
 * Turns the vocabulary staff taught into what search reads: everyday words and abbreviations
 * as one more synonyms file (after the built-in one and KB_SYNONYMS_FILE, so they win), and
 * the learnt phrases with the procedure each names.
 * @module
 */
import { type SynonymsFile, ZSynonymsFile } from '../search/load-synonyms.ts'
import type { LearntPhrase } from '../search/match-learnt-phrases.ts'
import type { VocabularyItem } from './vocabulary.types.ts'

export type CompiledVocabulary = { file: SynonymsFile; phrases: LearntPhrase[] }

export const compileVocabulary = (items: VocabularyItem[]): CompiledVocabulary => {
  // An empty file as the schema fills it in: the taught words go into its first two lists.
  const file: SynonymsFile = ZSynonymsFile.parse({})
  const phrases: LearntPhrase[] = []
  for (const item of items) {
    if (item.kind === 'phrase') phrases.push({ text: item.text, code: item.target })
    else if (item.kind === 'abbreviation') file.abbreviations[item.text] = item.target
    // Like the built-in everyday names: the typed word is searched as the official words.
    else file.expansions.push({ from: [item.text], to: item.target })
  }
  return { file, phrases }
}
