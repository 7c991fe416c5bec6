/**
 * The names of the shipped export's procedures, for unit tests of the answer layer that build
 * search results for real records, and how common a folded word is among them.
 * @module
 */
import { analyzeText } from '../../knowledge/search/normalize-vietnamese.ts'
import { readProceduresText } from './paths.ts'

/** Procedure names from the shipped export, by code. */
export const exportNames = new Map<string, string>()
for (const line of readProceduresText().split('\n')) {
  if (!line.trim()) continue
  const record = JSON.parse(line) as { ma_thu_tuc?: string; ten_thu_tuc?: string }
  if (record.ma_thu_tuc && record.ten_thu_tuc) exportNames.set(record.ma_thu_tuc, record.ten_thu_tuc)
}

/** A text's folded words, as the search compares them. */
export const folded = (text: string) => analyzeText(text).map((t) => t.folded)

const foldedNames = [...exportNames.values()].map((n) => ` ${folded(n).join(' ')} `)

/** The share of real names holding a folded word or a word pair ("tam_tru"). */
export const wordShare = (word: string) =>
  foldedNames.filter((n) => n.includes(` ${word.replace('_', ' ')} `)).length / foldedNames.length
