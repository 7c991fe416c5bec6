/**
 * The names of the shipped export's procedures, for unit tests of the answer layer that build
 * search results for real records (`exportResult`), and how common a folded word is among them.
 * @module
 */
import { analyzeText } from '../../knowledge/search/normalize-vietnamese.ts'
import type { SearchResult } from '../../knowledge/search/search.types.ts'
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

/**
 * A search result for a real record of the export, as the search would return it: the name and
 * its sibling group from the export, the shares and level from `fields` (a commune-level
 * procedure for people covering 70% of the question by default).
 */
export const exportResult = (
  code: string,
  score: number,
  fields: Partial<SearchResult> = {},
): SearchResult => {
  const name = exportNames.get(code)
  if (!name) throw new Error(`no record ${code} in the export`)
  return {
    code,
    name,
    levels: ['Cấp xã'],
    field: '',
    score,
    coverage: 0.7,
    idfCoverage: 0.7,
    precision: 0.5,
    uncovered: [],
    forPeople: true,
    group: folded(name.replace(/\s*\(thực hiện tại[^)]*\)\s*$/i, '')).join(' '),
    levelRank: 0,
    ...fields,
  }
}
