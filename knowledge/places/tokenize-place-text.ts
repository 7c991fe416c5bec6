/**
 * Splits a message into words with their position, tone-normalised and folded forms (the same
 * normaliser as search: "Hoà"/"Hòa", "HÀ NAM"/"ha nam" compare equal when folded), and whether
 * each was typed with marks or a capital, so that the finder can tell "Hà Nam" from "hà nam".
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { foldToken, normalizeVietnamese } from '../search/normalize-vietnamese.ts'

export type PlaceToken = {
  /** As typed (NFC). */
  raw: string
  start: number
  end: number
  /** Lowercase, one tone placement ("hoà"). */
  norm: string
  /** No marks, đ→d ("hoa"). */
  folded: string
  /** Typed with Vietnamese marks (or đ). */
  marked: boolean
  /** Starts with a capital letter. */
  title: boolean
}

export type PlaceText = {
  text: string
  tokens: PlaceToken[]
  /** Some word carries marks: a word typed without them is then meant without them ("hai" ≠ "Hải"). */
  accented: boolean
  /** Every letter is a capital ("HÀ NAM"): capitals then say nothing about names. */
  shouting: boolean
}

const WORD_RE = /[\p{L}\p{N}]+/gu

type WordForms = Pick<PlaceToken, 'norm' | 'folded' | 'marked' | 'title'>
/** Messages repeat their words: each typed word's forms are worked out once (bounded). */
const formsOf = memoize(
  (raw): WordForms => {
    const norm = normalizeVietnamese(raw)
    return { norm, folded: foldToken(norm), marked: /[^a-z0-9]/.test(norm), title: /^\p{Lu}/u.test(raw) }
  },
  { maxEntries: 20_000 },
)

/** Tokenizes an NFC copy of `text`; positions refer to that copy. */
export const tokenizePlaceText = (input: string): PlaceText => {
  const text = input.normalize('NFC')
  const tokens: PlaceToken[] = []
  for (const m of text.matchAll(WORD_RE)) {
    const raw = m[0]
    const { norm, folded, marked, title } = formsOf(raw)
    tokens.push({ raw, start: m.index, end: m.index + raw.length, norm, folded, marked, title })
  }
  const letters = text.replace(/[^\p{L}]/gu, '')
  return {
    text,
    tokens,
    accented: tokens.some((t) => t.marked),
    shouting: letters.length > 1 && letters === letters.toUpperCase(),
  }
}

/** The phrase's tokens in the same forms, for the gazetteer ("Bà Rịa - Vũng Tàu" → 4 words). */
export const tokenizeName = (name: string): { norm: string[]; folded: string[] } => {
  const norm = normalizeVietnamese(name).match(WORD_RE) ?? []
  return { norm, folded: norm.map(foldToken) }
}
