/**
 * A civil-status event is what a question is about: asked to register a birth, a name about a death
 * is no choice ("Thủ tục đăng ký khai tử có yếu tố nước ngoài" beside "… khai sinh có yếu tố nước ngoài"
 * for "con tôi sinh ở Nhật, muốn đăng ký khai sinh ở Việt Nam"). Options naming only events the question
 * does not name are left out of a clarify question, when one naming an asked event remains.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'

/** The events, each as the folded phrases names and questions say it in. */
const EVENTS: readonly (readonly string[])[] = [
  ['khai sinh'],
  ['khai tu', 'bao tu', 'chung tu'],
  ['ket hon'],
  ['li hon'],
  ['con nuoi'],
  ['giam ho'],
  ['nhan cha', 'nhan me', 'nhan con'],
]

/** The indexes of the events a folded text names. */
const eventsOf = (folded: string): number[] =>
  EVENTS.flatMap((phrases, k) => (phrases.some((p) => folded.includes(` ${p} `)) ? [k] : []))

/**
 * @param question the question's words, folded
 * @param requestPairs the word pairs of the request, when the message tells a story before it
 *   (`ExpandedQuery.requestPairs`): an event told in the story ("đã đăng ký kết hôn rồi, giờ làm giấy tờ
 *   cho cháu") is not the one asked about
 * @returns the options naming an event the question asks about, or no event; all of them when that leaves
 *   none or the question asks about no event
 */
export const keepAskedEvents = <T extends { name: string }>(
  options: readonly T[],
  question: readonly string[],
  requestPairs?: readonly string[],
): T[] => {
  const asked = new Set(
    eventsOf(
      requestPairs
        ? ` ${requestPairs.map((p) => p.replace('_', ' ')).join(' , ')} `
        : ` ${question.join(' ')} `,
    ),
  )
  if (!asked.size) return [...options]
  const kept = options.filter((o) => {
    const named = eventsOf(` ${foldPhrase(o.name)} `)
    return !named.length || named.some((k) => asked.has(k))
  })
  return kept.length ? kept : [...options]
}
