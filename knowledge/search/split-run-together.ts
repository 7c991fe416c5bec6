/**
 * Words typed without marks and without the space between them ("dangky tamtru", "huy tokhai
 * haiquan", "lylichtuphap"), or with their last letter doubled ("khongg", "saoo", "dang kyy"), as a
 * hurried thumb leaves them. Such a word is no syllable, and neither the names nor the dictionary
 * hold it, so it matched nothing and weighed on the match like a word the records lack. It is cut
 * into syllables where exactly one way to cut it gives pairs the names or the dictionary hold
 * ("hochieu": "hộ chiếu", not "học hiểu"); a doubled last letter is dropped where that leaves a
 * syllable. Typed with marks, two glued syllables are cut by their shape alone
 * (`normalize-vietnamese.ts`).
 * @module
 */
import { dictionaryPairs, type Synonyms } from './load-synonyms.ts'
import { type AnalyzedToken, analyzeText, isVietnameseSyllable } from './normalize-vietnamese.ts'

/** Shortest word read as glued syllables, and the most syllables one is cut into. */
const MIN_LETTERS = 4
const MAX_PIECES = 4
/** The longest syllable without marks ("nghieng", "nguyen", "khuyet"). */
const MAX_SYLLABLE = 7

/** Whether the dictionary knows the word as one of its own (an abbreviation, a phrase's word). */
const inDictionary = (synonyms: Synonyms, word: string): boolean =>
  synonyms.abbreviations.has(word) ||
  synonyms.expansions.has(word) ||
  synonyms.filler.has(word) ||
  synonyms.cues.has(word) ||
  synonyms.outOfScope.has(word) ||
  synonyms.smalltalk.has(word) ||
  synonyms.longest.has(word)

/** Every way to cut `word` into syllables whose neighbours pair as `pairs` says (at most two kept). */
const cutsOf = (word: string, pairs: (pair: string) => boolean): string[][] => {
  const found: string[][] = []
  const walk = (from: number, pieces: AnalyzedToken[]) => {
    if (found.length > 1) return
    if (from === word.length) {
      if (pieces.length > 1) found.push(pieces.map((p) => p.text))
      return
    }
    if (pieces.length === MAX_PIECES) return
    for (let end = from + 1; end <= Math.min(word.length, from + MAX_SYLLABLE); end++) {
      const piece = word.slice(from, end)
      if (!isVietnameseSyllable(piece)) continue
      const token = analyzeText(piece)[0]
      if (!token) continue
      const last = pieces.at(-1)
      if (last && !pairs(`${last.folded}_${token.folded}`)) continue
      walk(end, [...pieces, token])
    }
  }
  walk(0, [])
  return found
}

/**
 * @param tokens the message's tokens (`analyzeMessage`)
 * @param knows whether the names hold a folded word or pair ("tam_tru")
 * @returns the tokens with such words cut, or the same array when none is
 * @example splitRunTogether(analyzeMessage('dangky tamtru'), knows, synonyms) // dang, ky, tam, tru
 */
export const splitRunTogether = (
  tokens: AnalyzedToken[],
  knows: (foldedWordOrPair: string) => boolean,
  synonyms: Synonyms,
): AnalyzedToken[] => {
  let out: AnalyzedToken[] | null = null
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnalyzedToken
    const pieces = repairedPieces(t, knows, synonyms)
    if (pieces && !out) out = tokens.slice(0, i)
    if (out) out.push(...(pieces ?? [t]))
  }
  return out ?? tokens
}

const repairedPieces = (
  t: AnalyzedToken,
  knows: (foldedWordOrPair: string) => boolean,
  synonyms: Synonyms,
): AnalyzedToken[] | null => {
  const word = t.folded
  if (t.accented || word.length < MIN_LETTERS || !/^[a-z]+$/.test(word) || t.text.toLowerCase() !== word)
    return null
  if (isVietnameseSyllable(word) || knows(word) || inDictionary(synonyms, word)) return null
  // "khongg", "saoo": the last letter typed twice
  const single = word.replace(/(.)\1+$/, '$1')
  const pieces = (text: string[]): AnalyzedToken[] =>
    text.map((p, k) => {
      const token = analyzeText(p)[0] as AnalyzedToken
      return k === 0 && t.clause ? { ...token, clause: true } : { ...token }
    })
  if (single !== word && isVietnameseSyllable(single)) return pieces([single])
  const known = dictionaryPairs(synonyms)
  const cuts = cutsOf(single, (pair) => knows(pair) || known.has(pair))
  return cuts.length === 1 ? pieces(cuts[0] as string[]) : null
}
