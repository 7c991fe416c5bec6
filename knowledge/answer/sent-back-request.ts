/**
 * An application sent back, refused or asked for more, told with its reason and what to do now ("nộp hồ
 * sơ tách thửa rồi bị trả lại vì thiếu bản vẽ, giờ làm sao", "hồ sơ đăng ký hộ kinh doanh bị từ chối do
 * sai ngành nghề thì phải làm gì"): the citizen knows why and asks about the procedure, not where the
 * application stands. Read whole, the sent-back words ask its progress; without them, the message is
 * read for the procedure it names, which is offered (answer-question.ts). When that finds nothing sure,
 * the progress reply stays.
 * @module
 */

/** Sent back, refused or asked for more ("bị trả lại", "trả hồ sơ", "bị từ chối", "yêu cầu bổ sung"), with marks or without. */
const SENT_BACK = new RegExp(
  [
    String.raw`(?:bị|bi)\s+(?:trả|tra)(?:\s+(?:lại|lai|về|ve))?(?:\s+(?:hồ\s+sơ|ho\s+so))?`,
    String.raw`(?:trả|tra)\s+(?:(?:lại|lai|về|ve)\s+)?(?:hồ\s+sơ|ho\s+so)`,
    String.raw`(?:bị|bi)\s+(?:từ\s+chối|tu\s+choi)`,
    String.raw`(?:(?:bị|bi)\s+)?(?:yêu\s+cầu|yeu\s+cau)\s+(?:bổ\s+sung|bo\s+sung)`,
    String.raw`(?:không|khong|ko)\s+(?:chịu\s+|chiu\s+)?(?:nhận|nhan)\s+(?:hồ\s+sơ|ho\s+so)`,
  ]
    .map((p) => String.raw`(?<![\p{L}\p{N}])${p}(?![\p{L}\p{N}])`)
    .join('|'),
  'iu',
)

/** Why, told after the sent-back words ("vì thiếu …", "do sai …", "bảo sai mẫu", "lý do là …"). */
const REASON =
  /^\s*,?\s*(?:(?:là|la|với|voi)\s+)?(?:vì|vi|do|tại|tai|bởi|boi|bảo|nói|noi|kêu|keu|báo|ghi|lý\s+do|ly\s+do|thiếu|thieu|sai)\s+[\p{L}\p{N}]/iu

/** What to do now, asked after them ("giờ làm sao", "phải làm gì", "nộp lại thế nào", "cần bổ sung gì"). */
const WHAT_NOW =
  /(?<![\p{L}\p{N}])(?:làm\s+sao|lam\s+sao|làm\s+gì|lam\s+gi|làm\s+thế\s+nào|lam\s+the\s+nao|thế\s+nào|the\s+nao|ra\s+sao|tính\s+sao|tinh\s+sao|xử\s+lý\s+sao|xu\s+ly\s+sao|nộp\s+lại|nop\s+lai|làm\s+lại|lam\s+lai|cần\s+(?:những\s+)?(?:giấy\s+tờ\s+)?gì|can\s+(?:nhung\s+)?(?:giay\s+to\s+)?gi|bổ\s+sung\s+(?:những\s+)?(?:gì|giấy)|bo\s+sung\s+(?:nhung\s+)?(?:gi|giay))(?![\p{L}\p{N}])/iu

/** The ask is for papers ("cần gì", "bổ sung gì", "cần giấy tờ gì"). */
const PAPERS_ASKED = /^(?:cần|can|bổ|bo)\s/iu

/** Handing it in ("nộp hồ sơ", "đã gửi hồ sơ", "hồ sơ", "rồi"): no words of the procedure. */
const FILED =
  /(?<![\p{L}\p{N}])(?:(?:(?:đã|da|mới|moi|vừa|vua)\s+)?(?:nộp|nop|gửi|gui|làm|lam)\s+(?:hồ\s+sơ|ho\s+so)|hồ\s+sơ|ho\s+so|rồi|roi)(?![\p{L}\p{N}])/giu

/** Words the procedure's part needs of its own. */
const MIN_REQUEST_WORDS = 2

/**
 * @returns what was handed in and the ask, without the sent-back words and the reason, when the message tells
 *   why and asks what to do now; else null
 * @example sentBackRequest('nộp hồ sơ tách thửa rồi bị trả lại vì thiếu bản vẽ, giờ làm sao')
 *   // 'tách thửa, làm thế nào'
 */
export const sentBackRequest = (text: string): string | null => {
  const normal = text.normalize('NFC')
  const sent = SENT_BACK.exec(normal)
  if (!sent) return null
  const after = normal.slice(sent.index + sent[0].length)
  const now = WHAT_NOW.exec(after)
  if (!now || !REASON.test(after)) return null
  // (what was handed in names the procedure; the filing and the reason name other things: "bản vẽ")
  const before = normal
    .slice(0, sent.index)
    .replace(FILED, ' ')
    .replace(/[\s,.;:]+$/u, '')
    .trim()
  if ((before.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < MIN_REQUEST_WORDS) return null
  // (the ask read plainly: "cần bổ sung gì" asks for the papers, not to change something registered)
  return `${before}, ${PAPERS_ASKED.test(now[0]) ? 'cần giấy tờ gì' : 'làm thế nào'}`
}
