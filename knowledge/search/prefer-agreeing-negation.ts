/**
 * Names that say what a case is not, read against the message. Some names are told apart only by a
 * denial: "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật …" and "… mà người
 * dịch không phải là cộng tác viên dịch thuật …", "Miễn thuế, giảm thuế theo Điều ước quốc tế không phải
 * là Hiệp định tránh đánh thuế hai lần". A name disagrees with the message when it denies what the
 * message names ("xin miễn thuế theo hiệp định tránh đánh thuế hai lần") or names what the message
 * denies ("tôi không phải cộng tác viên dịch thuật của xã"); among the first results such a name goes
 * below those that do not disagree, since its words match the message only where they contradict it.
 * @module
 */
import { foldPhrase } from './load-synonyms.ts'
import type { SearchResult } from './search.types.ts'

/** Only the results this near the top are compared. */
const REACH = 5
/** Words that follow a denial and name the thing denied: the first ones decide (folded). */
const KEY_WORDS = 3
/** A denial names at least this many words, so a single everyday word is no key ("không phải là"). */
const MIN_KEY_WORDS = 2
/** A denial (folded words). */
const DENIAL = ['khong', 'phai']
/**
 * Words just before a mention that ask about it rather than name it ("có phải xin phép không",
 * "cần phải xin phép", "không phải xin phép"): such a mention neither names nor denies (folded).
 */
const ASKING = new Set(['phai', 'can', 'la'])

/** The start of each denial in the words and the words it denies (up to {@link KEY_WORDS}, after "là"). */
const denials = (words: readonly string[]): { at: number; key: string[] }[] => {
  const out: { at: number; key: string[] }[] = []
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== DENIAL[0] || words[i + 1] !== DENIAL[1]) continue
    const from = words[i + 2] === 'la' ? i + 3 : i + 2
    out.push({ at: i, key: words.slice(from, from + KEY_WORDS) })
  }
  return out
}

/** Where the words hold `key` side by side. */
const positions = (words: readonly string[], key: readonly string[]): number[] => {
  const out: number[] = []
  for (let i = 0; i + key.length <= words.length; i++)
    if (key.every((w, k) => words[i + k] === w)) out.push(i)
  return out
}

/** The name's clauses (split at punctuation and brackets), each as folded words. */
const clausesOf = (name: string): string[][] =>
  name
    .split(/[,;()/]/)
    .map((c) => foldPhrase(c).split(' ').filter(Boolean))
    .filter((c) => c.length)

/**
 * Whether the name disagrees with the message's folded words: it denies a thing the message names
 * without asking about it, or names outside any denial a thing the message denies.
 */
export const disagreesWithMessage = (name: string, message: readonly string[]): boolean => {
  const clauses = clausesOf(name)
  for (const clause of clauses)
    for (const { key } of denials(clause)) {
      if (key.length < MIN_KEY_WORDS) continue
      const named = positions(message, key).some(
        (at) =>
          !ASKING.has(message[at - 1] ?? '') && !(message[at - 1] === 'phai' && message[at - 2] === 'khong'),
      )
      if (named) return true
    }
  for (const { key } of denials(message)) {
    const asked = key.slice(0, MIN_KEY_WORDS)
    if (asked.length < MIN_KEY_WORDS) continue
    for (const clause of clauses) {
      const denied = new Set<number>()
      for (const d of denials(clause)) for (let k = d.at; k < clause.length; k++) denied.add(k)
      if (positions(clause, asked).some((at) => !denied.has(at))) return true
    }
  }
  return false
}

/**
 * @param message the message's folded words as typed
 * @returns the results with the names among the first {@link REACH} that disagree with the message scored
 *   just below the lowest of those that do not (else the same array)
 */
export const preferAgreeingNegation = ({
  results,
  message,
}: {
  results: SearchResult[]
  message: readonly string[]
}): SearchResult[] => {
  if (
    results.length < 2 ||
    (!message.includes('khong') && !results.slice(0, REACH).some((r) => r.name.includes('không')))
  )
    return results
  const reach = Math.min(REACH, results.length)
  const disagree = results.slice(0, reach).map((r) => disagreesWithMessage(r.name, message))
  if (!disagree.some(Boolean) || disagree.every(Boolean)) return results
  const floor = Math.min(
    ...results
      .slice(0, reach)
      .filter((_, k) => !disagree[k])
      .map((r) => r.score),
  )
  const moved = results.map((r, k) =>
    disagree[k] ? { ...r, score: Math.round((floor - 0.001) * 1000) / 1000 } : r,
  )
  // Stable: the agreeing keep their order, the disagreeing follow the lowest of them in theirs.
  const head = moved.slice(0, reach)
  const ordered = [...head.filter((_, k) => !disagree[k]), ...head.filter((_, k) => disagree[k])]
  return [...ordered, ...moved.slice(reach)]
}
