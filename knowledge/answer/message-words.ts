/**
 * Words of a message read before and beside search: words that name no topic, masked personal data, the
 * words the dictionary rewrote, and the built-in dictionary itself.
 * @module
 */

import type { ExpandedQuery } from '../search/expand-query.ts'
import { inCompound } from '../search/in-compound.ts'
import { loadSynonyms, lookupPhrase, type Synonyms, spanLimit } from '../search/load-synonyms.ts'
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'

/** Words that name no topic on their own: a message of only these is a follow-up. */
export const GENERIC = new Set([
  'cap',
  'lai',
  'doi',
  'moi',
  'nop',
  'xin',
  'dang',
  'ki',
  'the',
  'giay',
  'to',
  'ho',
  'so',
  'nay',
  'do',
])

let defaultSynonyms: Synonyms | null = null
/** The built-in dictionary, loaded once. */
export const builtInSynonyms = () => {
  defaultSynonyms ??= loadSynonyms()
  return defaultSynonyms
}

/**
 * Forms of address that open a message ("Kính gửi quý cơ quan,", "Thưa cán bộ,", "bot ơi,"): the office,
 * official or assistant addressed is no topic of the message ("Kính gửi quý cơ quan, dự báo thời tiết Huế
 * ngày mai", "bot ơi, messi hay ronaldo giỏi hơn": a question outside the records, not praise of the bot).
 */
const ADDRESS =
  /^\s*(?:(?:kính\s+)?(?:gửi|thưa)\s+(?:quý\s+)?(?:cơ\s+quan|cán\s+bộ|anh\s+chị(?:\s+cán\s+bộ)?|ban\s+quản\s+trị|ad|admin)|kinh\s+gui\s+quy\s+co\s+quan|kinh\s+gui\s+co\s+quan|thua\s+can\s+bo|(?:bot|ad|admin|trợ\s+lý)\s+(?:ơi|oi)(?=\s*[,.:;!]))\s*[,.:;!]?\s*/iu

/** Personal data left masked ("số ***", "sđt ***") says nothing about the procedure. */
export const withoutMasks = (question: string) =>
  question.replace(/(?:(?:số điện thoại|điện thoại|sđt|sdt|đt|email|e-mail|mail|số)\s*:?\s*)?\*\*\*/giu, ' ')

/** The message without the form of address that opens it ({@link ADDRESS}); a form of address alone stays: it greets. */
export const withoutAddress = (question: string) => {
  const unaddressed = question.replace(ADDRESS, '')
  return unaddressed.trim() ? unaddressed : question
}

/** Words that count copies, pages or sheets of a paper (folded): "1 bản", "10 trang", "2 tờ". */
const COUNT_WORDS = new Set(['ban', 'trang', 'to', 'cuon', 'quyen', 'bo'])

/** The numbers a message types before a word that counts papers, and that word ("1 bản" → "1", "ban"). */
export const countedWords = (tokens: readonly AnalyzedToken[]): Set<string> =>
  new Set(
    tokens.flatMap((t, k) => {
      const unit = tokens[k + 1]?.folded ?? ''
      return /^\d+$/.test(t.folded) && COUNT_WORDS.has(unit) ? [t.folded, unit] : []
    }),
  )

/** The question's words that an abbreviation or everyday name rewrote ("hộ khẩu", "cccd"). */
export const rewrittenWords = (query: ExpandedQuery, synonyms: Synonyms): Set<string> => {
  const out = new Set<string>()
  for (let i = 0; i < query.tokens.length; i++) {
    // ("công nhận hộ nghèo" rewrites no "nhận hộ")
    if (inCompound(query.tokens, i)) continue
    for (let n = spanLimit(synonyms, query.folded, i); n >= 1; n--) {
      const word = query.folded[i] ?? ''
      if (
        lookupPhrase(synonyms.expansions, query.tokens, i, n) ||
        (n === 1 && synonyms.abbreviations.has(word))
      ) {
        for (let k = 0; k < n; k++) out.add(query.folded[i + k] ?? '')
        break
      }
    }
  }
  return out
}
