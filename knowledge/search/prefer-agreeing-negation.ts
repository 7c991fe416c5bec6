/**
 * Some procedures come in pairs told apart by a negation in the name: "Chứng thực chữ ký người dịch
 * mà người dịch là cộng tác viên dịch thuật …" and "… mà người dịch không phải là cộng tác viên dịch
 * thuật …"; "Miễn thuế, giảm thuế theo Điều ước quốc tế không phải là Hiệp định tránh đánh thuế hai
 * lần" beside the procedures under that very agreement. The search reads "không" and "phải" as
 * filler, so both names hold the same words and the citizen's "tôi không phải cộng tác viên" or
 * "theo hiệp định tránh đánh thuế" decides nothing. When a name near the top negates a word pair
 * ("không phải (là) cộng tác"), the message decides: a message that negates the same pair agrees with
 * that name and disagrees with a name holding the pair plainly; a message that holds the pair plainly
 * disagrees with the name that negates it. A first result that disagrees goes below the first of the
 * next ones that does not, one that agrees first.
 * @module
 */

import { foldPhrase } from './load-synonyms.ts'
import type { AnalyzedToken } from './normalize-vietnamese.ts'
import { moveFirst } from './prefer-told-variant.ts'
import type { SearchResult } from './search.types.ts'

/** Only the results this near the top are compared. */
const REACH = 3
/** Words that negate with a following "phải" ("không phải", "chẳng phải"; "ko", "k" typed for "không"). */
const NEGATION = new Map([
  ['khong', 'không'],
  ['ko', 'ko'],
  ['k', 'k'],
  ['chang', 'chẳng'],
])
/** "không phải là …": "là" between the negation and what it negates. */
const COPULA = 'la'

const typedAs = (t: { accented?: boolean; text: string }, marked: string): boolean =>
  !t.accented || t.text === marked

/** A sequence of words with, per word, whether it is typed as the mark it must have. */
type Word = { folded: string; text: string; accented?: boolean }

/** Where a pair of words stands in a sequence: the pairs negated ("không phải (là) X Y") and the others. */
type Pairs = { negated: Set<string>; plain: Set<string> }

/** @returns the word pairs of `words`, those right after "không phải (là)" apart */
export const readPairs = (words: readonly Word[]): Pairs => {
  const negated = new Set<string>()
  const plain = new Set<string>()
  const under = new Set<number>()
  for (let i = 0; i + 1 < words.length; i++) {
    const t = words[i] as Word
    const marked = NEGATION.get(t.folded)
    const next = words[i + 1] as Word
    if (marked === undefined || !typedAs(t, marked) || next.folded !== 'phai' || !typedAs(next, 'phải'))
      continue
    let at = i + 2
    if (words[at]?.folded === COPULA) at++
    const a = words[at]
    const b = words[at + 1]
    if (!a || !b) continue
    negated.add(`${a.folded}_${b.folded}`)
    under.add(at)
  }
  for (let i = 0; i + 1 < words.length; i++)
    if (!under.has(i)) plain.add(`${(words[i] as Word).folded}_${(words[i + 1] as Word).folded}`)
  return { negated, plain }
}

const namePairs = (name: string): Pairs =>
  readPairs(
    foldPhrase(name)
      .split(' ')
      .filter(Boolean)
      .map((folded) => ({ folded, text: folded })),
  )

/**
 * @param tokens the message's tokens as the query reads them
 * @returns the results, with a first result the message's negation disagrees with moved below the
 *   first of the next ones that does not disagree (else the same array)
 */
export const preferAgreeingNegation = ({
  results,
  tokens,
}: {
  results: SearchResult[]
  tokens: readonly AnalyzedToken[]
}): SearchResult[] => {
  const reach = Math.min(REACH, results.length)
  if (reach < 2) return results
  const names = results.slice(0, reach).map((r) => namePairs(r.name))
  const told = new Set(names.flatMap((n) => [...n.negated]))
  if (!told.size) return results
  const message = readPairs(tokens)
  // per result: 1 agrees, -1 disagrees, 0 neither
  const verdict = names.map((n) => {
    let agrees = false
    for (const pair of told) {
      const saysNo = message.negated.has(pair)
      const saysYes = !saysNo && message.plain.has(pair)
      if ((saysYes && n.negated.has(pair)) || (saysNo && !n.negated.has(pair) && n.plain.has(pair))) return -1
      if (saysNo && n.negated.has(pair)) agrees = true
    }
    return agrees ? 1 : 0
  })
  if (verdict[0] !== -1) return results
  const agreeing = verdict.indexOf(1)
  const k = agreeing > 0 ? agreeing : verdict.indexOf(0)
  return k > 0 ? moveFirst(results, k) : results
}
