/**
 * Two requests in one message ("vừa đổi bằng lái vừa làm hộ chiếu", "đổi bằng lái xe và làm hộ chiếu thì
 * làm cái nào trước"), or two to four written as a list ("1) đổi bằng lái 2) làm lại căn cước", "em hỏi 2
 * việc: - tách thửa - sang tên sổ đỏ"): read together, each request's procedure misfits the other's
 * action, so the whole finds nothing sure. Each side is read alone; when each names its own procedure,
 * the reply asks which to show first.
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

/** Most items of a list read as requests (a reply lists four options at most). */
const MAX_ITEMS = 4

/**
 * An item's marker: "1)", "1.", "(1)", "a)" (numbered in order), or "-", "•", "+" (the first one opening
 * the message or following a colon or a line break, so "Bà Rịa - Vũng Tàu" is no list), each with a space
 * after it and a space, a break or the start before it.
 */
const NUMBERED = /(?<=^|[\s:;,.!?])\(?(?:([1-4])[.)]|([a-d])\))(?=\s)/giu
const BULLET = /(?<=^|\s)[-–•+*](?=\s)/gu
const BULLET_OPENS = /^(?:[^\n:]*[:\n])?\s*[-–•+*]\s/u

/** The items of a list, in order, or null when the message is none; words before the first item are left out. */
const listItems = (body: string): string[] | null => {
  const cut = (marks: RegExpMatchArray[]) => {
    const items = marks.map((m, k) =>
      body
        .slice((m.index ?? 0) + m[0].length, marks[k + 1]?.index ?? body.length)
        .replace(/[\s,;]+$/u, '')
        .trim(),
    )
    return items.length >= 2 && items.length <= MAX_ITEMS ? items : null
  }
  // "1) … 2) …", "a) … b) …": each next number or letter in turn (a "3." further on in a sentence is no item)
  const numbered = [...body.matchAll(NUMBERED)]
  const numberOf = (m: RegExpMatchArray) => (m[1] ?? m[2] ?? '').toLowerCase()
  const order = numbered[0] && numberOf(numbered[0]) === 'a' ? 'abcd' : '1234'
  const inTurn: RegExpMatchArray[] = []
  for (const m of numbered) if (numberOf(m) === order[inTurn.length]) inTurn.push(m)
  if (inTurn.length >= 2) return cut(inTurn)
  return BULLET_OPENS.test(body) ? cut([...body.matchAll(BULLET)]) : null
}

/**
 * @returns the items of a list of requests, each of two words or more; else the two sides of a short
 *   message joined by "và", "vừa … vừa", "rồi", "với cả" …, each with at least two words; else null
 * @example splitRequests('vừa đổi bằng lái vừa làm hộ chiếu') // ['đổi bằng lái', 'làm hộ chiếu']
 */
export const splitRequests = (text: string): string[] | null => splitList(text) ?? splitJoined(text)

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0

/**
 * @returns the items of a message written as a list of requests ("1) … 2) …", "- … - …"), each of two
 *   words or more, or null
 * @example splitList('em hỏi 2 việc: - tách thửa đất - sang tên sổ đỏ') // ['tách thửa đất', 'sang tên sổ đỏ']
 */
export const splitList = (text: string): string[] | null => {
  const items = listItems(text.normalize('NFC'))
  return items?.every((item) => words(item) >= MIN_SIDE_WORDS) ? items : null
}

/** The two sides of a short message joined by "và", "vừa … vừa" …, or null. */
const splitJoined = (text: string): [string, string] | null => {
  const body = text.normalize('NFC').replace(OPENING, '')
  if (words(body) > MAX_WORDS) return null
  const join = JOIN.exec(body)
  if (!join) return null
  const first = body.slice(0, join.index).trim()
  const second = body.slice(join.index + join[0].length).trim()
  return words(first) >= MIN_SIDE_WORDS && words(second) >= MIN_SIDE_WORDS ? [first, second] : null
}
