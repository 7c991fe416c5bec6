/**
 * Whether a procedure's object is what the question asks about: "bảo hiểm nhân thọ" is not
 * "bảo hiểm y tế" although both start with "bảo hiểm". A question word that follows a word of the
 * procedure's name, where the name goes on with a different word, and that no candidate's name
 * holds, narrows the object to something the records do not cover.
 * @module
 */

import { isNamedOutright } from '../search/named-outright.ts'
import { type AnalyzedToken, analyzeText, isVietnameseSyllable } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'

export type FindObjectGapOptions = {
  /** The question's words as typed, folded, in order, up to a purpose or reason clause (`objectWords`). */
  words: readonly string[]
  /** The question's content words (folded), without filler: only these can share the object. */
  content: ReadonlySet<string>
  /** The procedure about to be given as the answer. */
  top: SearchResult
  /** All candidates found for the question. */
  results: readonly SearchResult[]
  /** Share (0–1) of all procedure names that hold a folded word. */
  wordShare: (folded: string) => number
  /** The question's words the fit model reads as a qualifier ("người Úc", folded): they narrow no object. */
  qualifierWords?: ReadonlySet<string>
  /** The question's tokens: a word typed with other marks than the name's ("dựng", "dụng") is not shared. */
  tokens?: readonly AnalyzedToken[]
}

/**
 * A count or a person after the shared word (folded): whom it is done for, no narrower object ("nhận
 * tui là con": the speaker; not "toi", which is also "tối", dark).
 */
const WHOM = new Set([
  'mot',
  'hai',
  'vai',
  'cac',
  'nhung',
  'be',
  'chau',
  'dua',
  'tre',
  'em',
  'tui',
  'minh',
  'no',
])

/** Longest run of question words after the shared word that is looked at. */
const MAX_RUN = 2
/** A narrowing word must be at least this rare among names: common words ("trên", "sang") say little. */
const RARE_SHARE = 0.005
/** A pair counts as a phrase names use when at least this share of names hold it (3 of 2,642). */
const PHRASE_SHARE = 0.001
/** The name's own next word must say something too ("y" in "y tế"), not "không", "Việt". */
const NAME_WORD_SHARE = 0.05

/** "để", "vì", "nhưng" typed or unmarked: what follows says why, not what is asked for. */
const CLAUSE = new Map([
  ['de', 'để'],
  ['vi', 'vì'],
  ['nhung', 'nhưng'],
])

/**
 * The folded words that may name the object: those before a purpose or reason clause (after the
 * first two), without the words of place names ("xã Tân Hòa", "công an huyện").
 */
export const objectWords = (tokens: readonly AnalyzedToken[], places: readonly string[] = []): string[] => {
  const placeWords = new Set(places.flatMap((p) => analyzeText(p).map((t) => t.folded)))
  const out: string[] = []
  for (const [i, t] of tokens.entries()) {
    const cut = CLAUSE.get(t.folded)
    if (i >= 2 && cut && (!t.accented || t.text === cut)) break
    if (!placeWords.has(t.folded)) out.push(t.folded)
  }
  return out
}

/**
 * @returns the question's words (folded) that narrow the object away from `top`'s name and that
 *   no candidate holds, or null when the name's object is covered
 * @example findObjectGap({ terms, top, results }) // "làm thẻ bảo hiểm nhân thọ" → ['nhan', 'tho']
 */
export const findObjectGap = ({
  words,
  content,
  top,
  results,
  wordShare,
  qualifierWords,
  tokens,
}: FindObjectGapOptions): string[] | null => {
  if (isNamedOutright(top)) return null
  const name = top.group.split(' ')
  const inName = new Set(name)
  // ("dựng rạp trên vỉa hè" shares no word with "sử dụng … vỉa hè": typed with marks, "dựng" is not "dụng")
  const markedName = tokens?.some((t) => t.accented)
    ? new Set(analyzeText(top.name).map((t) => t.text))
    : null
  const otherWord = (a: string) =>
    !!markedName &&
    !!tokens?.some((t) => t.folded === a) &&
    tokens.every((t) => t.folded !== a || (t.accented && !markedName.has(t.text)))
  const asked = new Set(words)
  // Words of the question's content the name lacks (filler and cue words are not in it).
  const uncovered = new Set(top.uncovered)
  const nowhere = (w: string) => results.every((r) => r.uncovered.includes(w)) && wordShare(w) <= RARE_SHARE
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as string
    if (!inName.has(a) || !content.has(a) || otherWord(a)) continue
    const run: string[] = []
    for (let k = i + 1; k < words.length && run.length < MAX_RUN; k++) {
      const w = words[k] as string
      // Abbreviations ("vn", "gplx") stand for words the name may spell out.
      // (nor a word of a qualifier the fit model reads: "người Úc" is a foreigner)
      if (!uncovered.has(w) || qualifierWords?.has(w) || w.length < 2 || !isVietnameseSyllable(w)) break
      // (a count or a person is whom it is done for, not what: "nhận nuôi một bé", "cho hai cháu")
      if (WHOM.has(w)) break
      run.push(w)
    }
    if (!run.length || !run.some(nowhere)) continue
    // The name goes on after the shared word with a word the question does not have.
    const goesOn = name.some((w, k) => {
      const next = name[k + 1]
      return w === a && !!next && !asked.has(next) && wordShare(next) <= NAME_WORD_SHARE
    })
    if (goesOn) return run
  }
  return null
}

export type FindPurposeOnlyOptions = {
  /** The question's tokens as analysed (`expandQuery(...).tokens`). */
  tokens: readonly AnalyzedToken[]
  /** The question's content words (folded) that say what it is about (no filler, action or generic words). */
  content: ReadonlySet<string>
  /** Words an abbreviation or everyday name stands for ("sổ đỏ"): the name may say them otherwise. */
  rewritten: ReadonlySet<string>
  top: SearchResult
  /** Share (0–1) of procedure names holding a folded word or word pair ("suc_khoe"). */
  wordShare: (folded: string) => number
}

/**
 * "khám sức khỏe để thi bằng lái xe": a question whose object comes before "để" (a purpose), and a
 * name that holds none of the object's words, only words of the purpose, is about the purpose
 * ("Cấp giấy phép lái xe"), not about what was asked. The object must be a topic procedure names
 * speak of (two adjacent words some name holds as a phrase), so a preamble ("con mới đẻ được
 * 1 tuần cần giấy tờ gì để …") is not taken for one.
 * @returns the object's words (folded) the name lacks, or null
 */
export const findPurposeOnly = ({
  tokens,
  content,
  rewritten,
  top,
  wordShare,
}: FindPurposeOnlyOptions): string[] | null => {
  if (isNamedOutright(top)) return null
  const cut = tokens.findIndex((t, i) => i >= 2 && t.folded === 'de' && (!t.accented || t.text === 'để'))
  if (cut < 0) return null
  const head = tokens.slice(0, cut).map((t) => t.folded)
  const asked = head.filter((w) => content.has(w) && !rewritten.has(w))
  if (asked.length < 2 || head.some((w) => rewritten.has(w) && content.has(w))) return null
  const uncovered = new Set(top.uncovered)
  if (!asked.every((w) => uncovered.has(w))) return null
  for (let i = 0; i + 1 < head.length; i++) {
    const a = head[i] as string
    const b = head[i + 1] as string
    if (
      content.has(a) &&
      content.has(b) &&
      isVietnameseSyllable(a) &&
      isVietnameseSyllable(b) &&
      wordShare(`${a}_${b}`) > 0
    )
      return asked
  }
  return null
}

/** Who wants something ("tôi", "mình", "chúng tôi") between a subject and its wish (folded). */
const PRONOUNS = new Set(['toi', 'em', 'minh', 'tui', 'chung', 'ta', 'ba', 'ong', 'anh', 'chi'])
/** Words of a wish or plan ("muốn", "dự định", "có ý định") that follow who has it (folded). */
const WISHES = [['muon'], ['du', 'dinh'], ['co', 'y', 'dinh']]

/**
 * "gia đình (tôi) muốn …", "vợ chồng chúng tôi dự định …": the pair at `i` says who asks, not what
 * is asked for, so a name lacking it is not about something else.
 */
const isWisher = (words: readonly string[], i: number): boolean => {
  let k = i + 2
  while (k < words.length && k < i + 4 && PRONOUNS.has(words[k] as string)) k++
  return WISHES.some((wish) => wish.every((w, j) => words[k + j] === w))
}

/** Words for handing in an application, not for what it is about (folded): "nộp hồ sơ đăng ký kết hôn". */
const APPLYING = [
  ['nop', 'ho', 'so'],
  ['ho', 'so'],
  ['giay', 'to'],
  ['thu', 'tuc'],
  ['nop', 'don'],
]

/** The positions of `words` inside a phrase of {@link APPLYING}. */
const applyingAt = (words: readonly string[]): Set<number> => {
  const at = new Set<number>()
  for (let i = 0; i < words.length; i++)
    for (const phrase of APPLYING)
      if (phrase.every((w, k) => words[i + k] === w)) for (let k = 0; k < phrase.length; k++) at.add(i + k)
  return at
}

/** At most this many words open a question before its object ("xin", "làm lại"). */
const MAX_OPENING = 2

/** `rewritten` words ("hộ khẩu" → thường trú) are never a missed phrase. */
export type FindMissedObjectOptions = Pick<FindObjectGapOptions, 'words'> &
  Pick<FindPurposeOnlyOptions, 'rewritten' | 'top' | 'wordShare'> & {
    /** The question's search words (folded): one the search matched only as a prefix is not in the name. */
    terms?: ReadonlySet<string>
  }

/**
 * A pair of adjacent question words that procedure names use as a phrase ("tạm trú", "nhãn hiệu"),
 * right after a word of the chosen name, and that the name lacks entirely ("xin cấp hộ chiếu công vụ"
 * against "Cấp hộ chiếu phổ thông"): the name is about something else, so it is offered only as a
 * "có phải bạn hỏi …" choice, never as a sure answer.
 * @returns the pair (folded, "tam_tru") or null
 */
export const findMissedObject = ({
  words,
  rewritten,
  top,
  wordShare,
  terms,
}: FindMissedObjectOptions): string | null => {
  if (isNamedOutright(top)) return null
  const uncovered = new Set(top.uncovered)
  // A word the search matched only as the start of another ("chi" in "chia") is not in the name.
  const inName = new Set(top.group.split(' '))
  const lacks = (w: string) => uncovered.has(w) || (!!terms?.has(w) && !inName.has(w))
  const applying = applyingAt(words)
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as string
    const b = words[i + 1] as string
    if (applying.has(i) || applying.has(i + 1)) continue
    if (rewritten.has(a) || rewritten.has(b) || !lacks(a) || !lacks(b)) continue
    if (!isVietnameseSyllable(a) || !isVietnameseSyllable(b) || isWisher(words, i)) continue
    const share = wordShare(`${a}_${b}`)
    if (share < PHRASE_SHARE || share > NAME_WORD_SHARE) continue
    // (only where it narrows what the name names, right after a word of the name or of a phrase
    // leading to it ("hộ chiếu công vụ", "đăng ký hộ gia đình"), or heading the question ("thẻ tạm
    // trú …"): "làm hộ chiếu đi du lịch" tells what the passport is for, "sinh ở bệnh viện" where)
    // (an opening the search reads as the action, "xin", still leaves the phrase heading the question)
    let k = i - 1
    while (
      k >= 0 &&
      !inName.has(words[k] as string) &&
      wordShare(`${words[k]}_${words[k + 1]}`) >= PHRASE_SHARE
    )
      k--
    const opening = i <= MAX_OPENING && words.slice(0, i).every((w) => rewritten.has(w))
    if (k >= 0 && !inName.has(words[k] as string) && !opening) continue
    return `${a}_${b}`
  }
  return null
}
