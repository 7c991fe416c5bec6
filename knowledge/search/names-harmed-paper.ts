/**
 * Whether a question tells of a paper harmed ("bằng lái ô tô bị gãy đôi", "thẻ bảo hiểm bị mối ăn",
 * "căn cước bị hư"): a paper's head a few words before a "bị" whose next word is a harm no action phrase
 * lists. A paper so told is held already: it is re-issued or exchanged, never issued for the first time.
 * Only the harm words are read, not every "bị" ("con bị ốm", "bị phạt", "thiết bị"), and only marked
 * where the unmarked form is another word too ("bi bong" is also "bị bỏng", "bi can" "bị can", "bi mo"
 * "bị mổ").
 * @module
 */
import { isLostThing, NOT_PAPERS } from './names-death.ts'
import type { AnalyzedToken } from './normalize-vietnamese.ts'

/** Harms typed after "bị": folded form → marked form, matched with or without marks. */
const HARMS = new Map([
  ['gay', 'gãy'],
  ['nut', 'nứt'],
  ['uot', 'ướt'],
  ['nhoe', 'nhòe'],
  ['troc', 'tróc'],
  ['phai', 'phai'],
  ['moc', 'mốc'],
  ['nat', 'nát'],
  ['rach', 'rách'],
  ['hong', 'hỏng'],
  ['hu', 'hư'],
  ['xuoc', 'xước'],
  ['tray', 'trầy'],
  ['giat', 'giặt'],
  ['chay', 'cháy'],
  ['thung', 'thủng'],
  ['ngam', 'ngấm'],
  ['chuot', 'chuột'],
  ['moi', 'mối'],
])
/** Harms read only as typed with marks: unmarked they are common other words. */
const MARKED_HARMS = new Map([
  ['bong', 'bong'],
  ['vo', 'vỡ'],
  ['be', 'bể'],
  ['cong', 'cong'],
  ['gam', 'gặm'],
  ['can', 'cắn'],
  ['o', 'ố'],
  ['ban', 'bẩn'],
  ['nhau', 'nhàu'],
  ['am', 'ẩm'],
  ['lem', 'lem'],
  ['mo', 'mờ'],
])
/** How many words before "bị" may head the paper ("bằng lái ô tô bị …": four). */
const PAPER_REACH = 5

/**
 * @param withMarks whether any of the message's words carries marks: then a harm that has none ("bong", "cong")
 *   is as typed, not "bỏng" or "còng" with the marks left out
 */
const isHarm = (t: AnalyzedToken | undefined, withMarks: boolean): boolean => {
  if (!t) return false
  const marked = HARMS.get(t.folded)
  if (marked !== undefined) return !t.accented || t.text === marked
  const onlyMarked = MARKED_HARMS.get(t.folded)
  if (onlyMarked === undefined) return false
  return t.accented ? t.text === onlyMarked : withMarks && onlyMarked === t.folded
}

/**
 * @param tokens the question's words
 * @param i the index of a word
 * @returns whether tokens[i] is a "bị" telling of a paper harmed
 * @example namesHarmedPaper(analyzeText('bằng lái ô tô bị gãy đôi'), 4) // true
 */
export const namesHarmedPaper = (tokens: readonly AnalyzedToken[], i: number): boolean => {
  const t = tokens[i]
  if (t?.folded !== 'bi' || (t.accented && t.text !== 'bị')) return false
  if (
    !isHarm(
      tokens[i + 1],
      tokens.some((w) => w.accented),
    )
  )
    return false
  for (let k = i - 1; k >= Math.max(0, i - PAPER_REACH); k--) {
    const head = tokens[k]
    if (head && !NOT_PAPERS.has(head.folded) && isLostThing(head, tokens[k + 1])) return true
  }
  return false
}
