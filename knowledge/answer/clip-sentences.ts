/**
 * Shortens record text at sentence boundaries only, so a deciding clause ("… bằng 50% mức thu
 * đến hết ngày 31/12/2026", "người chưa đủ 14 tuổi …") is either shown whole or left out,
 * never cut in the middle.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'

/** The records' texts repeat from answer to answer (the same procedures are asked about): split once. */
const split = memoize(
  (text) =>
    text
      .replace(/\s+/g, ' ')
      .trim()
      .split(/(?<=[.;!?])\s+(?=[-+•*]?\s*[\p{Lu}\d(“"])|\s+(?=[-+•]\s)|(?<=\p{Ll}[.;])(?=\p{Lu}\p{Ll})/u)
      .map((s) => s.trim().replace(/^[-+•*]\s+/, ''))
      .filter((s) => s.length > 0 && !/^[-+•*.;]+$/.test(s)),
  { maxEntries: 5000 },
)

/**
 * Sentences of a record's text: cut after ". ", "; " or "! ", and before a "- " / "+ " list
 * item (whose marker is dropped), keeping abbreviations and numbers ("01/7/2025", "TT-BTC.") whole.
 * @example splitSentences('Phí 10.000 đồng. - Từ 01/7/2025 giảm 50%.') // ['Phí 10.000 đồng.', 'Từ 01/7/2025 giảm 50%.']
 */
export const splitSentences = (text: string): string[] => {
  const sentences = split(text)
  // A copy: the caller may change its list.
  return [...sentences]
}

/**
 * @returns the whole sentences that fit in `max` characters (the first one always, however
 *   long), followed by " …" when some were left out
 */
export const clipSentences = (text: string, max: number): string => {
  const sentences = splitSentences(text)
  const kept: string[] = []
  let length = 0
  for (const sentence of sentences) {
    if (kept.length && length + 1 + sentence.length > max) return `${kept.join(' ')} …`
    kept.push(sentence)
    length += (kept.length > 1 ? 1 : 0) + sentence.length
  }
  return kept.join(' ')
}
