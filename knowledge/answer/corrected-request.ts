/**
 * A request told by what it is not ("không phải cấp lại mà là cấp đổi căn cước", "ý em không phải khai
 * sinh mà là trích lục khai sinh", "không phải đăng ký mới, là gia hạn tạm trú"): the words denied weigh
 * like the ones asked when the message is read whole, so it may find nothing sure. What follows "mà
 * (là)" or "là" is the request. Corrections inside a message ("đổi bằng lái, à không, làm lại …", "… chứ
 * không phải …") are read by the search itself (`knowledge/search/find-taken-back.ts`); this one, opening
 * the message, is read only when the whole found nothing sure.
 * @module
 */

/** "(ý em) không phải (là) X, mà là / là / chỉ là Y" — typed with marks or without. */
const CORRECTION =
  /^\s*(?:(?:ý|y)\s+(?:em|tôi|toi|mình|minh|tui|cháu|chau)\s+)?(?:là\s+|la\s+)?(?:không|khong|ko|k)\s+(?:phải|phai)\s+(?:là\s+|la\s+)?(.+?)\s*,?\s+(?:mà\s+là|ma\s+la|mà|ma|chỉ\s+là|chi\s+la|là|la)\s+(.+)$/iu

/** Words the request needs of its own. */
const MIN_REQUEST_WORDS = 2

/**
 * @returns the request a message tells after denying another ("cấp đổi căn cước"), or null
 * @example correctedRequest('không phải cấp lại mà là cấp đổi căn cước') // 'cấp đổi căn cước'
 */
export const correctedRequest = (text: string): string | null => {
  const found = CORRECTION.exec(text.normalize('NFC'))
  const request = found?.[2]?.trim() ?? ''
  return (request.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_REQUEST_WORDS ? request : null
}
