/**
 * Whether the names about to be offered for a short licence question share nothing with it but the
 * ask and common words. Two readings: none holds any of what the licence is for ("xin giấy phép tổ
 * chức giải chạy marathon" against a fire-safety licence that holds "giấy phép" only); or none holds
 * the question's rare words (few procedure names hold them, but some do: "rượu") nor any word or word
 * pair few names hold ("xin giấy phép bán rượu" against a customs procedure that holds "giấy phép" and
 * "bán"). Offering such names ("có phải bạn hỏi …") is a guess; the reply says what the records do not
 * cover instead.
 * @module
 */
import { isVietnameseSyllable } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'
import { PAIR_SHARE } from './find-admin-evidence.ts'

/** A word at most this share of names hold (13 of 2,642) names a topic. */
const RARE_SHARE = 0.005
/**
 * A word or pair more than this share of names hold (26 of 2,642: "giấy", "phép", "trung tâm") says little
 * of a topic.
 */
const COMMON_SHARE = 0.01
/**
 * Only a message of at most this many words is read so: a longer one tells a story whose rare words
 * ("lũ", "trộm") are not what it asks about.
 */
const SHORT_MESSAGE = 8

/**
 * Asking for a licence or to open a business (folded): the trade or service named beside it is the
 * object ("giấy phép bán rượu", "mở phòng khám"); elsewhere a rare word is as often everyday speech
 * ("sổ đỏ in sai tên").
 */
const LICENCE_ASK =
  /\b(?:giay phep|xin phep|cap phep|mo (?:quan|phong|trung tam|cua hang|co so|cong ti|shop|tiem|nha hang|lop|xuong|dai li|van phong|chi nhanh))\b/

export type SharesOnlyTheAskOptions = {
  /** The message's words (folded), in order. */
  folded: readonly string[]
  /** The question's content words (folded), without action, qualifier or generic words. */
  words: readonly string[]
  /** The question's search words (folded), the content words with the action and qualifier ones. */
  terms: readonly string[]
  /** The names about to be offered. */
  offered: readonly SearchResult[]
  /** Share (0–1) of procedure names holding a folded word or word pair ("giam_ho"). */
  wordShare: (folded: string) => number
}

/** Whether a share says a word or pair few names hold, but some do (a pair: two names at least). */
const isFew = (share: number, most: number, least = 0): boolean => share > least && share <= most

/**
 * The words of the ask itself (folded): a licence, a certificate, to open, register, operate, do business
 * or organise, and the question words beside them. What the licence is for is the question's other words.
 */
export const ASK_WORDS = new Set([
  'giay',
  'phep',
  'xin',
  'cap',
  'mo',
  'dang',
  'ki',
  'hoat',
  'dong',
  'chung',
  'nhan',
  'kinh',
  'doanh',
  'to',
  'chuc',
  'lam',
  'thu',
  'tuc',
  'can',
  'gi',
  'nao',
  'o',
  'dau',
  'cho',
])

/**
 * @returns true when a short question asking for a licence is offered only names that hold none of what
 *   the licence is for, or none of its rare words nor any word or word pair few names hold
 * @example sharesOnlyTheAsk({ folded, words: ['ban', 'ruou'], terms, offered: [customs], wordShare }) // true
 */
export const sharesOnlyTheAsk = ({
  folded,
  words,
  terms,
  offered,
  wordShare,
}: SharesOnlyTheAskOptions): boolean => {
  if (folded.length > SHORT_MESSAGE || !LICENCE_ASK.test(folded.join(' '))) return false
  const syllables = words.filter((w) => isVietnameseSyllable(w))
  const content = new Set(terms)
  const heldBy = (o: SearchResult) => (w: string) => content.has(w) && !o.uncovered.includes(w)
  // What the licence is for: none of it in any offered name.
  const topic = syllables.filter((w) => !ASK_WORDS.has(w))
  if (topic.length && !offered.some((o) => topic.some(heldBy(o)))) return true
  if (!syllables.some((w) => isFew(wordShare(w), RARE_SHARE))) return false
  const holdsFew = (o: SearchResult): boolean => {
    const held = heldBy(o)
    if (syllables.some((w) => held(w) && isFew(wordShare(w), COMMON_SHARE))) return true
    return folded.some((a, i) => {
      const b = folded[i + 1]
      return !!b && held(a) && held(b) && isFew(wordShare(`${a}_${b}`), COMMON_SHARE, PAIR_SHARE)
    })
  }
  return !offered.some(holdsFew)
}
