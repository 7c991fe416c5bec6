/**
 * Words spelled the way the writer says them: the consonants many regions pronounce alike typed
 * for one another ("xin giấy phép sây dựng", "nàm lại căn cước", "chuyễn nhượn", "chích lục", "thàn lập").
 * Each is a real syllable, so neither a typo search nor the dictionary sees it; it matched nothing
 * the citizen meant. A syllable typed with marks, which few names and no phrase of the dictionary hold
 * as typed, is respelled only where nothing vouches for it (no pair of it with a neighbour is in the
 * names or the dictionary) and exactly one respelling pairs with a neighbour as many names do, or as a
 * dictionary phrase written with those marks does ("sây dựng" is "xây dựng"; "đồn công an" stays: "công"
 * belongs to "công an", not to "hội đồng công nhận"). Typed without marks, the syllable meant cannot be
 * told ("nam lai": "năm" or "nàm"), and the word stays as typed.
 * @module
 */

import { fewNamesHold } from './few-names-hold.ts'
import { dictionaryHoldsMarked, dictionaryPairs, type Synonyms } from './load-synonyms.ts'
import { type AnalyzedToken, analyzeText, isVietnameseSyllable } from './normalize-vietnamese.ts'
import type { NameWords } from './search-index.types.ts'

/** Initial consonants said alike in some region, each with what it may have been meant as. */
const INITIALS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ch', ['tr']],
  ['tr', ['ch']],
  ['gi', ['d', 'r']],
  ['s', ['x']],
  ['x', ['s']],
  ['d', ['gi', 'r', 'v']],
  ['r', ['d', 'gi']],
  ['v', ['d']],
  ['l', ['n']],
  ['n', ['l']],
]

/** Final consonants said alike ("nhượn" for "nhượng", "hàn" for "hành", "bác" for "bát"). */
const FINALS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ng', ['n']],
  ['nh', ['n']],
  ['n', ['ng', 'nh']],
  ['ch', ['t']],
  ['c', ['t']],
  ['t', ['c', 'ch']],
]

/** A pair of words is the names' when at least this many names hold it. */
const PAIR_NAMES = 5

/** The dictionary's everyday phrases by their folded word pairs, each with the marks it is written in. */
const formsOf = new WeakMap<Synonyms, Map<string, string[][]>>()
const phrasePairs = (synonyms: Synonyms): Map<string, string[][]> => {
  let pairs = formsOf.get(synonyms)
  if (pairs) return pairs
  pairs = new Map()
  for (const [key, { forms }] of synonyms.expansions) {
    const words = key.split(' ')
    for (let k = 0; k + 1 < words.length; k++) {
      const pair = `${words[k]}_${words[k + 1]}`
      const written = pairs.get(pair) ?? []
      for (const form of forms) written.push([form[k] ?? '', form[k + 1] ?? ''])
      pairs.set(pair, written)
    }
  }
  formsOf.set(synonyms, pairs)
  return pairs
}

/** The syllable's other spellings as said alike, marks kept ("chú" → "trú"). */
const respellingsOf = (text: string): string[] => {
  const out: string[] = []
  for (const [from, tos] of INITIALS) {
    if (!text.startsWith(from)) continue
    // "ng", "nh" and "gh" are consonants of their own; "gi" before a vowel is read whole above
    if (from === 'n' && /^n[gh]/.test(text)) continue
    if (from === 'd' && text.startsWith('đ')) continue
    for (const to of tos) out.push(to + text.slice(from.length))
    break
  }
  for (const [from, tos] of FINALS) {
    if (!text.endsWith(from)) continue
    for (const to of tos) out.push(text.slice(0, -from.length) + to)
    break
  }
  return out.filter(isVietnameseSyllable)
}

/**
 * @param tokens the message's tokens
 * @param names the words and pairs the names hold
 * @returns the tokens with such syllables respelled, or the same array when none is
 * @example respellSpoken(analyzeMessage('xin giấy phép sây dựng'), index, synonyms) // … xây dựng
 */
export const respellSpoken = (
  tokens: AnalyzedToken[],
  names: NameWords,
  synonyms: Synonyms,
): AnalyzedToken[] => {
  const known = dictionaryPairs(synonyms)
  // as typed: a pair any name or phrase of the dictionary holds vouches for its words
  const vouched = (a: AnalyzedToken, b: AnalyzedToken) => {
    const pair = `${a.folded}_${b.folded}`
    return names.df.has(pair) || known.has(pair)
  }
  // respelled: a pair many names hold, or an everyday phrase of the dictionary written with these marks
  const agrees = (t: AnalyzedToken, written: string) => !t.accented || !written || written === t.text
  const phraseHolds = (a: AnalyzedToken, b: AnalyzedToken) =>
    !!phrasePairs(synonyms)
      .get(`${a.folded}_${b.folded}`)
      ?.some(([x, y]) => agrees(a, x as string) && agrees(b, y as string))
  // Names are read folded, so their pair is taken only when the neighbour is not held more
  // strongly by its own other neighbour ("đồn công an" is no "hội đồng công nhận": "công an" holds "công").
  const namesHold = (pair: string, other: string | null) => {
    const n = names.df.get(pair) ?? 0
    return n >= PAIR_NAMES && (other === null || (names.df.get(other) ?? 0) <= n)
  }
  // the word at k when it is read beside the word at k - 1 (no clause break between them)
  const joined = (k: number) => {
    const t = tokens[k]
    return k > 0 && t && !t.clause ? t : null
  }
  let out: AnalyzedToken[] | null = null
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnalyzedToken
    // Only a word typed with marks: they tell which syllable was meant ("nàm", not "nam" or "năm").
    // A word more than a few names or a phrase of the dictionary hold as typed is meant as typed
    // (most words of a message: read first, the cheapest test).
    if (!t.accented || !fewNamesHold(names.markedDf?.get(t.text) ?? 0, names)) continue
    // a neighbour across a clause break is no neighbour
    const before = joined(i) && (tokens[i - 1] as AnalyzedToken)
    const after = joined(i + 1)
    if ((!before && !after) || !/^\p{L}+$/u.test(t.text) || dictionaryHoldsMarked(synonyms, t.text)) continue
    if ((before && vouched(before, t)) || (after && vouched(t, after))) continue
    const far = before && joined(i - 1) && (tokens[i - 2] as AnalyzedToken)
    const next = after && joined(i + 2)
    let found: AnalyzedToken | null = null
    let ways = 0
    for (const text of respellingsOf(t.text)) {
      const token = analyzeText(text)[0]
      // the respelling is a word the names hold as written
      if (!token || fewNamesHold(names.markedDf?.get(token.text) ?? 0, names)) continue
      const fits =
        (before &&
          (phraseHolds(before, token) ||
            namesHold(`${before.folded}_${token.folded}`, far && `${far.folded}_${before.folded}`))) ||
        (after &&
          (phraseHolds(token, after) ||
            namesHold(`${token.folded}_${after.folded}`, next && `${after.folded}_${next.folded}`)))
      if (fits) {
        ways++
        found = t.clause ? { ...token, clause: true } : token
      }
    }
    if (ways !== 1 || !found) continue
    if (!out) out = tokens.slice()
    out[i] = found
  }
  return out ?? tokens
}
