/**
 * Whether two procedure names speak of the same object and differ in their action ("Gia hạn tạm
 * trú" and "Đăng ký tạm trú"; "Khôi phục giá trị sử dụng hộ chiếu phổ thông" and "Trình báo mất hộ
 * chiếu phổ thông"), as opposed to two names that share only a common word ("Hủy đăng ký dự án" and
 * "Thủ tục đăng ký kết hôn"). When a question's action fits one and its object the other, the reply
 * asks between them only if they share the object; otherwise the records hold no procedure doing
 * that to that object.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions } from './procedure-actions.ts'

/** Share of the shorter name's object words the other name must hold. */
export const SHARED_OBJECT = 0.5
/** Words of a name that say nothing about its object ("thủ tục", "đăng ký", "đối với", "của"). */
const FILLER = new Set([
  'thủ',
  'tục',
  'đăng',
  'ký',
  'ki',
  'đối',
  'với',
  'của',
  'cho',
  'và',
  'về',
  'các',
  'trong',
  'tại',
  'thực',
  'hiện',
])

/** The words of a name (with their marks) without its action and qualifier phrases and filler. */
const objectOf = (name: string, phraseWords: ProcedureActions['phraseWords']): Set<string> => {
  // The head of the name: what follows ";" is another procedure, what is in brackets a case of it.
  const tokens = analyzeText(name.split(/[;(]/)[0] ?? name)
  const phrase = phraseWords(tokens)
  // Marks kept: "tử" (khai tử) is not "tư" (đầu tư).
  return new Set(tokens.filter((t) => !phrase.has(t.folded) && !FILLER.has(t.text)).map((t) => t.text))
}

/**
 * Names come back answer after answer: each name's object words are read once per vocabulary
 * (bounded), kept by the vocabulary's reader, which an answer's own copy of the actions shares.
 */
const objectsByReader = new WeakMap<ProcedureActions['phraseWords'], (name: string) => ReadonlySet<string>>()
const objectWordsOf = ({ phraseWords }: ProcedureActions): ((name: string) => ReadonlySet<string>) => {
  let read = objectsByReader.get(phraseWords)
  if (!read) {
    read = memoize((name): ReadonlySet<string> => objectOf(name, phraseWords), { maxEntries: 10_000 })
    objectsByReader.set(phraseWords, read)
  }
  return read
}

/**
 * @returns a name's object words in their order, with their marks: without its action and qualifier
 *   phrases, filler, and what follows ";" or a bracket
 * @example nameObjectWords('Cấp đổi Giấy chứng nhận quyền sử dụng đất', actions) // ['Giấy', 'chứng', 'nhận', …]
 */
export const nameObjectWords = (name: string, actions: ProcedureActions): readonly string[] => [
  ...objectWordsOf(actions)(name),
]

export type ShareObjectOptions = {
  a: string
  b: string
  actions: ProcedureActions
  /** Share of the shorter name's object words the other must hold; defaults to {@link SHARED_OBJECT}. */
  share?: number
}

/**
 * @returns whether the other name holds at least {@link SHARED_OBJECT} of the shorter name's object words
 * @example shareObject({ a: 'Gia hạn tạm trú', b: 'Đăng ký tạm trú', actions }) // true
 */
export const shareObject = ({ a, b, actions, share = SHARED_OBJECT }: ShareObjectOptions): boolean => {
  const objects = objectWordsOf(actions)
  const x = objects(a)
  const y = objects(b)
  const [short, long] = x.size <= y.size ? [x, y] : [y, x]
  if (!short.size) return false
  let held = 0
  for (const w of short) if (long.has(w)) held++
  return held / short.size >= share
}
