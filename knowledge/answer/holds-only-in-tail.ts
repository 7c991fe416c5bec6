/**
 * Whether a name holds the question's words only in what it is for, not in what it is: "Đăng ký, cấp
 * giấy chứng nhận kiểm dịch động vật trên cạn tham gia hội chợ, triển lãm, thi đấu thể thao, biểu diễn
 * nghệ thuật" holds "biểu diễn nghệ thuật" after "tham gia", while its head (an animal-quarantine
 * certificate) holds none of "xin giấy phép tổ chức biểu diễn nghệ thuật". Such a name is about
 * something else the question's topic takes part in: offered, never answered as if sure.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'

/** Where a name turns from what it is to what it is for or takes part in (folded). */
const TAIL_MARKERS = ['tham gia', 'phuc vu', 'dung cho', 'dung trong']

/** At least this many of the question's words must be in the tail alone for the rule to speak. */
const TAIL_WORDS = 2

export type HoldsOnlyInTailOptions = {
  /** The name about to be given as the answer. */
  name: string
  /** The question's content words (folded), without generic, action or qualifier words. */
  words: readonly string[]
}

/** @returns true when the name's head holds none of the words and its tail holds two or more */
export const holdsOnlyInTail = ({ name, words }: HoldsOnlyInTailOptions): boolean => {
  const folded = ` ${foldPhrase(name)} `
  const cuts = TAIL_MARKERS.map((m) => folded.indexOf(` ${m} `)).filter((i) => i > 0)
  if (!cuts.length) return false
  const cut = Math.min(...cuts)
  const head = new Set(folded.slice(0, cut).split(' ').filter(Boolean))
  const tail = new Set(folded.slice(cut).split(' ').filter(Boolean))
  if (words.some((w) => head.has(w))) return false
  return new Set(words.filter((w) => tail.has(w))).size >= TAIL_WORDS
}
