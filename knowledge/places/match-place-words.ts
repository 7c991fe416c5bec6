/**
 * The word-level matching the place finder is built on: does a name (or a type word, a cue)
 * start at this word of the message, was it typed with the same marks, and with capitals.
 * A word typed with marks must carry the name's marks ("gia lại" is not "Gia Lai"); a word
 * typed without marks matches the folded form, and the match is then not "exact".
 * @module
 */
import type { NameForm } from './build-place-gazetteer.ts'
import type { PlaceText } from './tokenize-place-text.ts'
import { tokenizeName } from './tokenize-place-text.ts'

export type WordMatch = { n: number; exact: boolean }

/** Name forms of a word list, longest first. */
export const compileForms = (words: readonly string[]): NameForm[] =>
  words.map(tokenizeName).sort((a, b) => b.folded.length - a.folded.length)

/** The folded words `i`..`i+n-1` joined by spaces: the gazetteer's key. */
export const keyAt = (pt: PlaceText, i: number, n: number): string => {
  // Joined in a loop: no arrays for a lookup made at almost every word of every message.
  const end = Math.min(i + n, pt.tokens.length)
  if (i >= end) return ''
  let key = pt.tokens[i]?.folded ?? ''
  for (let k = i + 1; k < end; k++) key += ` ${(pt.tokens[k] as PlaceText['tokens'][number]).folded}`
  return key
}

/** Matches `form` starting at word `i`, or null. */
export const matchForm = (pt: PlaceText, i: number, form: NameForm): WordMatch | null => {
  const n = form.folded.length
  if (n === 0 || i < 0 || i + n > pt.tokens.length) return null
  let exact = true
  for (let k = 0; k < n; k++) {
    const t = pt.tokens[i + k]
    if (!t || t.folded !== form.folded[k]) return null
    if (t.norm !== form.norm[k]) {
      if (t.marked) return null
      exact = false
    }
  }
  return { n, exact }
}

/** The longest of `forms` starting at word `i`. */
export const matchAny = (pt: PlaceText, i: number, forms: readonly NameForm[]): WordMatch | null => {
  for (const form of forms) {
    const m = matchForm(pt, i, form)
    if (m) return m
  }
  return null
}

/** The longest of `forms` ending just before word `i` (its start is `i - n`). */
export const matchBefore = (pt: PlaceText, i: number, forms: readonly NameForm[]): WordMatch | null => {
  for (const form of forms) {
    const m = matchForm(pt, i - form.folded.length, form)
    if (m) return m
  }
  return null
}

/** Words `i`..`i+n-1` all start with a capital, in a message that is not all capitals. */
export const isTitled = (pt: PlaceText, i: number, n: number): boolean =>
  !pt.shouting && pt.tokens.slice(i, i + n).every((t) => t.title)

/** Only spaces (or, with `dot`, the dot of "TP.HCM") between word `i - 1` and word `i`: a type word and its name. */
export const isAdjacent = (pt: PlaceText, i: number, dot = false): boolean => {
  const before = pt.tokens[i - 1]
  const at = pt.tokens[i]
  return !!before && !!at && (dot ? /^[ .]*$/ : /^ +$/).test(pt.text.slice(before.end, at.start))
}

/** Only spaces and commas between word `i - 1` and word `i` (one phrase, "xã A, Hà Nam"). */
export const isJoined = (pt: PlaceText, i: number): boolean => {
  const before = pt.tokens[i - 1]
  const at = pt.tokens[i]
  return !!before && !!at && /^[\s,–-]*$/.test(pt.text.slice(before.end, at.start))
}
