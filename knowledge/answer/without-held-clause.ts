/**
 * A paper the citizen already holds, told first ("có kết quả xét nghiệm ADN rồi muốn làm giấy nhận con",
 * "có giấy đồng ý của bố mẹ đẻ rồi, muốn nhận cháu làm con nuôi"): what they bring, not what they ask
 * for. Its words ("xét nghiệm", "kết quả", "đồng ý") are in no name of the procedure asked, so read
 * together the message may find nothing sure; the request after it is read alone.
 * @module
 */
import { ownWordsOf } from './message-words.ts'

/** Who holds it, opening the message: "tôi", "em", "bố mẹ", "nhà mình" … */
const HOLDER = String.raw`(?:(?:tôi|toi|em|mình|minh|tui|chúng\s+tôi|chung\s+toi|nhà\s+(?:tôi|mình|em)|nha\s+(?:toi|minh|em)|bố\s+mẹ|bo\s+me|ông\s+bà|ong\s+ba|vợ\s+chồng|vo\s+chong|con|cháu|chau)\s+)?`

/** "(đã) có X rồi", X (the paper) of one to eight words, then what links it to the request ("thì", "giờ", ","). */
const HELD = new RegExp(
  String.raw`^\s*${HOLDER}(?:(?:đã|da)\s+)?(?:có|co)\s+((?:[\p{L}\p{N}]+\s+){1,8}?)(?:rồi|roi)\s*,?\s*(?:(?:thì|thi|giờ|gio|nay|bây\s+giờ|bay\s+gio|mà|ma|nhưng|nhung)\s+)?`,
  'iu',
)

/** Words the request needs of its own, beyond those that only ask or link (`ownWordsOf`). */
const MIN_REQUEST_WORDS = 2

/**
 * Whether a message tells a paper already held and asks only what comes next ("có giấy chứng sinh của
 * bệnh viện rồi, giờ làm gì tiếp"): the paper's own words are all it names, and a procedure found for
 * them is no sure answer to what the citizen must do with it.
 */
export const asksWhatNextWithHeld = (text: string): boolean => {
  const normal = text.normalize('NFC')
  const held = HELD.exec(normal)
  if (!held) return false
  const rest = normal.slice(held[0].length)
  return /\p{L}/u.test(rest) && ownWordsOf(rest).length === 0
}

/**
 * @returns the request after a paper held ("muốn làm giấy nhận con"), or null when the message tells no
 *   such paper first or the request names nothing of its own
 * @example withoutHeldClause('có kết quả xét nghiệm ADN rồi muốn làm giấy nhận con') // 'muốn làm giấy nhận con'
 */
export const withoutHeldClause = (text: string): string | null => {
  const normal = text.normalize('NFC')
  const held = HELD.exec(normal)
  if (!held) return null
  const rest = normal.slice(held[0].length).trim()
  return ownWordsOf(rest).length >= MIN_REQUEST_WORDS ? rest : null
}

/**
 * @returns the paper a message tells it already holds ("giấy chứng sinh của bệnh viện"), or null
 * @example heldPaper('có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp') // 'giấy chứng sinh của bệnh viện'
 */
export const heldPaper = (text: string): string | null =>
  HELD.exec(text.normalize('NFC'))?.[1]?.trim() || null
