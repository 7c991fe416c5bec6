/**
 * An application already handed in, a mistake in it found afterwards, and how to put it right asked
 * ("khai tạm trú online cho sinh viên rồi, giờ mới thấy ghi sai số phòng, hồ sơ đang chờ duyệt thì sửa lại
 * sao", "đã nộp hồ sơ khai sinh cho con, giờ phát hiện tờ khai ghi nhầm tên bố, sửa được không"). The
 * citizen asks about that procedure's application, not about correcting a civil-status record or an
 * application's progress: the words before the mistake name the procedure, which is offered
 * (answer-question.ts), never given as if sure, since the rest of the message was set aside.
 * @module
 */

/** Handed in: "đã nộp", "nộp … rồi", "khai … rồi", "đang chờ duyệt", with marks or without. */
const FILED =
  /(?<![\p{L}\p{N}])(?:(?:đã|da)\s+(?:nộp|nop|gửi|gui|khai|đăng\s+ký|dang\s+ky|đăng\s+kí|dang\s+ki)|(?:nộp|nop|gửi|gui|khai)\s[^,.;:!?]*?(?:rồi|roi)|(?:đang|dang)\s+(?:chờ|cho)\s+(?:duyệt|duyet|xử\s+lý|xu\s+ly))(?![\p{L}\p{N}])/iu

/** A mistake found in it: "ghi sai", "ghi nhầm", "khai sai", "điền nhầm", "viết sai" … */
const MISTAKE =
  /(?<![\p{L}\p{N}])(?:ghi|khai|điền|dien|viết|viet|nhập|nhap|gõ|go)\s+(?:sai|nhầm|nham|lộn|lon)(?![\p{L}\p{N}])/iu

/** Put right: "sửa (lại)", "điều chỉnh", "nộp lại", "bổ sung", "làm lại". */
const PUT_RIGHT =
  /(?<![\p{L}\p{N}])(?:sửa|sua|điều\s+chỉnh|dieu\s+chinh|nộp\s+lại|nop\s+lai|làm\s+lại|lam\s+lai|khai\s+lại|khai\s+lai)(?![\p{L}\p{N}])/iu

/** Words that tell the mistake was found ("giờ mới thấy", "mới phát hiện"), and fillers of the filing, left out. */
const AROUND =
  /(?<![\p{L}\p{N}])(?:giờ|gio|bây\s+giờ|bay\s+gio|mới|moi|thấy|thay|phát\s+hiện|phat\s+hien|rồi|roi|đã|da|nộp|nop|gửi|gui|hồ\s+sơ|ho\s+so|tui|tôi|toi|em|mình|minh)(?![\p{L}\p{N}])/giu

/** Words the procedure's part needs of its own. */
const MIN_REQUEST_WORDS = 2

/**
 * @returns the words naming what was handed in, asked plainly, when the message tells it was handed in,
 *   a mistake found after and how to put it right asked; else null
 * @example filedCorrectionRequest('khai tạm trú online cho sinh viên rồi, giờ mới thấy ghi sai số phòng, sửa lại sao')
 *   // 'khai tạm trú online cho sinh viên, làm thế nào'
 */
export const filedCorrectionRequest = (text: string): string | null => {
  const normal = text.normalize('NFC')
  const mistake = MISTAKE.exec(normal)
  if (!mistake) return null
  const before = normal.slice(0, mistake.index)
  if (!FILED.test(before) || !PUT_RIGHT.test(normal.slice(mistake.index + mistake[0].length))) return null
  const named = before
    .replace(AROUND, ' ')
    .replace(/[\s,.;:]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
  if ((named.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < MIN_REQUEST_WORDS) return null
  return `${named}, làm thế nào`
}
