/**
 * How often a question asks for each modifier ("cấp lại", "thu hồi", "gia hạn" …: the words that
 * make a procedure a secondary variant, `MODIFIERS`), counted as whole phrases as `countPhrase`
 * counts them, with a modifier after "bị" left out (a condition, "bằng lái bị thu hồi", not the
 * action asked). The question and every modifier's phrase are put between spaces once, instead of
 * building both strings again for each of the fifty-odd counts a search makes.
 * @module
 */
import { MODIFIERS } from './build-search-index.ts'

/** Each modifier's phrases between spaces, as `countPhrase` compares them. */
const SPACED = MODIFIERS.map((m) => ({
  accented: ` ${m.accented} `,
  folded: ` ${m.folded} `,
  passiveAccented: ` bị ${m.accented} `,
  passiveFolded: ` bi ${m.folded} `,
  /** A multi-word phrase ("thu hoi") folds to nothing else. */
  words: m.folded.includes(' '),
  unmarked: m.folded === m.accented,
}))

/** Non-overlapping occurrences, left to right, of a spaced phrase in a spaced text. */
const countSpaced = (text: string, phrase: string): number => {
  let n = 0
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) n++
  return n
}

/**
 * @param marked the query's terms, each with its marks when typed with them, joined by spaces
 * @param typed every word typed (with its marks when typed with them) when the question holds "bị", else ''
 * @returns `asked[m]`: how often modifier m is asked for (with marks or folded); `surely`: the
 *   modifiers asked for without doubt (with marks, or a multi-word phrase), in order
 * @example countAskedModifiers('cấp lại hộ chiếu', '') // asked[m] = 1 and surely = [m] for m the number of 'lại'
 */
export const countAskedModifiers = (marked: string, typed: string): { asked: number[]; surely: number[] } => {
  const text = ` ${marked} `
  const said = typed ? ` ${typed} ` : ''
  const asked: number[] = []
  const surely: number[] = []
  for (let k = 0; k < SPACED.length; k++) {
    const m = SPACED[k] as (typeof SPACED)[number]
    const withMarks = countSpaced(text, m.accented)
    const passiveMarked = said ? countSpaced(said, m.passiveAccented) : 0
    const passive = said ? passiveMarked + countSpaced(said, m.passiveFolded) : 0
    const n = Math.max(0, withMarks + (m.unmarked ? 0 : countSpaced(text, m.folded)) - passive)
    asked.push(n)
    if ((m.words ? n : Math.max(0, withMarks - passiveMarked)) > 0) surely.push(k)
  }
  return { asked, surely }
}
