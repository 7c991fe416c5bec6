/**
 * Two requests in one message ("vừa đổi bằng lái vừa làm hộ chiếu", "đổi bằng lái xe và làm hộ chiếu thì
 * làm cái nào trước"): read together, each request's procedure misfits the other's action, so the whole
 * finds nothing sure. Each side is read alone; when each names its own procedure, the reply asks which of
 * the two to show first.
 * @module
 */

/** The words joining two requests, typed with marks or without. */
const JOINS = String.raw`(?:và|va|vừa|vua|với\s+cả|voi\s+ca|với\s+lại|voi\s+lai|rồi|roi|xong\s+rồi|xong\s+roi|sau\s+đó|sau\s+do|cùng\s+với|cung\s+voi|kèm\s+theo|kem\s+theo)`

/** The first join between two sides of a message; a comma before it is part of it. */
const JOIN = new RegExp(String.raw`\s*,?\s+${JOINS}\s+`, 'iu')

/** "vừa" opening the first request ("vừa … vừa …"). */
const OPENING = /^\s*(?:vừa|vua)\s+/iu

/** Words each side needs to name a procedure of its own. */
const MIN_SIDE_WORDS = 2

/** Most words of a message read as two requests: a longer one tells a situation, whose parts are no requests. */
const MAX_WORDS = 14

/**
 * @returns the two sides of a short message joined by "và", "vừa … vừa", "rồi", "với cả" …, each with
 *   at least two words, or null
 * @example splitRequests('vừa đổi bằng lái vừa làm hộ chiếu') // ['đổi bằng lái', 'làm hộ chiếu']
 */
export const splitRequests = (text: string): [string, string] | null => {
  const body = text.normalize('NFC').replace(OPENING, '')
  const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  if (words(body) > MAX_WORDS) return null
  const join = JOIN.exec(body)
  if (!join) return null
  const first = body.slice(0, join.index).trim()
  const second = body.slice(join.index + join[0].length).trim()
  return words(first) >= MIN_SIDE_WORDS && words(second) >= MIN_SIDE_WORDS ? [first, second] : null
}
