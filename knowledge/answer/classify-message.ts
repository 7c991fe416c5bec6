/**
 * Sorts a message before any search: small talk (greetings, thanks), questions outside
 * public procedures (weather, prices, lottery, football, recipes …), gibberish, or a
 * procedure question.
 * @module
 */
import type { ExpandedQuery } from '../search/expand-query.ts'
import { lookupPhrase, type Synonyms, spanLimit } from '../search/load-synonyms.ts'
import { isVietnameseSyllable } from '../search/normalize-vietnamese.ts'

export type MessageClass = 'smalltalk' | 'out_of_scope' | 'gibberish' | 'question'

export type ClassifyMessageOptions = { query: ExpandedQuery; synonyms: Synonyms }

/** Words that make a message about procedures even when it also names an off-topic thing. */
const PROCEDURE_WORDS = [
  'dang ki',
  'giay phep',
  'giay chung nhan',
  'chung nhan',
  'thu tuc',
  'ho so',
  'le phi',
  'cap',
  'kinh doanh',
  'chung thuc',
  'xac nhan',
  'thanh lap',
  'mo quan',
  'mo cua hang',
  'mo cong ti',
  'mo shop',
  'giay to',
  'thu tuc',
]

const has = (whole: string, phrase: string) => ` ${whole} `.includes(` ${phrase} `)

/** Covers `folded` with phrases from `set` and filler; true when nothing else is left and a phrase matched. */
const onlyPhrases = (folded: string[], set: Set<string>, synonyms: Synonyms): boolean => {
  let i = 0
  let hits = 0
  while (i < folded.length) {
    let step = 0
    for (let n = spanLimit(synonyms, folded, i); n >= 1 && !step; n--) {
      const key = folded.slice(i, i + n).join(' ')
      if (set.has(key)) {
        hits++
        step = n
      } else if (synonyms.filler.has(key)) step = n
    }
    if (!step) return false
    i += step
  }
  return hits > 0
}

const isKnownWord = (word: string, synonyms: Synonyms): boolean =>
  /\d/.test(word) ||
  isVietnameseSyllable(word) ||
  synonyms.abbreviations.has(word) ||
  synonyms.expansions.has(word) ||
  synonyms.smalltalk.has(word)

export const classifyMessage = ({ query, synonyms }: ClassifyMessageOptions): MessageClass => {
  const words = query.folded
  if (query.codes.length) return 'question'
  if (!words.length) return 'gibberish'
  if (words.length <= 8 && onlyPhrases(words, synonyms.smalltalk, synonyms)) return 'smalltalk'
  const whole = words.join(' ')
  const offTopic = query.tokens.some((_, i) => {
    for (let n = spanLimit(synonyms, query.folded, i); n >= 1; n--) {
      if (lookupPhrase(synonyms.outOfScope, query.tokens, i, n)) return true
    }
    return false
  })
  if (offTopic && !PROCEDURE_WORDS.some((p) => has(whole, p))) return 'out_of_scope'
  const unknown = words.filter((w) => !isKnownWord(w, synonyms)).length
  if (unknown / words.length > 0.5) return 'gibberish'
  return 'question'
}
