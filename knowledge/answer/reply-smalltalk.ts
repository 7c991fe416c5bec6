/**
 * The reply to small talk (`classify-message.ts`): thanks are answered "you're welcome", a goodbye (or "no
 * more questions") with a goodbye, a slip of typing owned up to with "never mind, send it again",
 * displeasure with an apology and the hotline, asking leave to ask with an invitation, praise with a
 * thank-you; within a conversation anything else says how to go on with its procedure, outside one the
 * greeting says what the assistant answers.
 * @module
 */
import { asksToAsk } from './classify-message.ts'
import { HOTLINE } from './help-channels.ts'

const GREETING_TEXT =
  'Chào bạn, tôi là Trợ lý số. Tôi trả lời về thủ tục hành chính: hồ sơ cần gì, lệ phí, thời hạn, nộp ở đâu, ' +
  'có làm trực tuyến được không. Bạn cần làm thủ tục gì?'
const THANKS_TEXT = 'Không có gì ạ. Bạn cần hỏi thêm thủ tục nào cứ nhắn cho tôi.'
const PRAISE_TEXT = 'Cảm ơn bạn. Bạn cần hỏi thêm thủ tục nào cứ nhắn cho tôi.'
const GOODBYE_TEXT = 'Tạm biệt bạn. Khi cần hỏi thủ tục nào, bạn cứ nhắn cho tôi.'
const GO_AHEAD_TEXT =
  'Vâng, bạn cứ hỏi. Tôi trả lời về thủ tục hành chính: hồ sơ cần gì, lệ phí, thời hạn, nộp ở đâu, có làm trực tuyến được không.'
const SLIP_TEXT = 'Không sao ạ. Bạn cứ gửi lại câu hỏi về thủ tục cần làm, tôi trả lời ngay.'
const SORRY_TEXT =
  'Xin lỗi vì câu trả lời chưa giúp được bạn. Bạn thử hỏi lại, nói rõ tên thủ tục và điều cần biết ' +
  `(ví dụ "đổi bằng lái xe cần giấy tờ gì"), hoặc gọi tổng đài Dịch vụ công ${HOTLINE} để được cán bộ hỗ trợ.`

/** Thanks ("cảm ơn", "thanks", "tks") — folded. */
const THANKS = /\b(cam on|thank|thanks|tks|thks)\b/
/** A goodbye ("tạm biệt", "bye", "hẹn gặp lại", "chúc ngủ ngon") — folded. */
const GOODBYE = /\b(?:tam biet|bye|bai bai|hen gap lai|good night|goodbye|chuc (?:\S+ )?ngu ngon)\b/
/** A slip of typing owned up to ("mình gõ nhầm", "bấm lộn") — folded. */
const SLIP = /\b(?:go|bam|danh|nhan|gui) (?:nham|sai|lon|thieu)\b/
/** No more questions ("em không hỏi nữa đâu") — folded: a goodbye. */
const NO_MORE = /\b(?:(?:khong|ko|k|hong|chang) (?:hoi|can hoi) (?:nua|them)|hoi (?:xong|du|het) roi)\b/
/** Displeasure with the replies or the assistant ("trả lời sai", "vô dụng", "chẳng giúp được gì") — folded. */
const DISPLEASED =
  /\b(?:vo van|linh tinh|lung tung|sai|kem|te|nham|khong dung|chang ra gi|cha ra gi|kho hieu|(?:khong|chang|cha|ko) hieu|(?:khong|chang|cha|ko) giup|(?:khong|chang|cha|ko) (?:hay|tot)|ngu(?! ngon)|vo dung|do ngu|chan qua|chan the|cham qua|cham vay|buc (?:ghe|qua|minh|that)|(?:khong|chang|cha|ko) ra (?:cau )?tra loi|tra loi nhu (?:cai |mot cai )?(?:may|robot|bot)|cung (?:khong|chang|cha|ko) biet|chan (?:bot|ban|tro li|ghe))\b/
/** Praise of the replies or the assistant ("trả lời hay đấy", "bot giỏi quá", "tuyệt vời") — folded; "hay" alone is also "or" ("người thật hay máy"). */
const PRAISED =
  /\b(?:hay (?:qua|lam|ghe|day|the|that|vay)|(?:rat|qua) hay|tot|gioi|thong minh|tuyet|tuyet voi|chi tiet|de hieu|huu ich|chuan|chinh xac|nhiet tinh|good job|great|awesome|nho (?:ban|bot|ad|tro li) (?:ma )?(?:minh|toi|em|tui))\b/
/** Praise denied ("không hay", "chẳng giỏi") — folded. */
const PRAISE_DENIED = /\b(?:khong|chang|cha|ko) (?:hay|tot|gioi)\b/

/** Small talk within a conversation: how to go on with its procedure ("Thủ tục " of a name is said once). */
const goOnText = (name: string): string =>
  `Bạn cần hỏi thêm về thủ tục "${name.replace(/^thủ tục\s+/iu, '')}" (giấy tờ, lệ phí, thời hạn, nơi nộp) hay một thủ tục khác, cứ nhắn cho tôi.`

/**
 * @param folded the message's words, folded, joined by spaces
 * @param procedureName the conversation's procedure, or null outside a conversation
 * @returns the reply's text
 */
export const replySmallTalk = (folded: string, procedureName: string | null): string => {
  if (THANKS.test(folded)) return THANKS_TEXT
  if (GOODBYE.test(folded) || NO_MORE.test(folded)) return GOODBYE_TEXT
  if (SLIP.test(folded)) return SLIP_TEXT
  if (DISPLEASED.test(folded)) return SORRY_TEXT
  if (asksToAsk(folded)) return GO_AHEAD_TEXT
  if (PRAISED.test(folded) && !PRAISE_DENIED.test(folded)) return PRAISE_TEXT
  // Within a conversation ("ok", "mệt quá" after an answer): how to go on with its procedure, not the greeting.
  return procedureName ? goOnText(procedureName) : GREETING_TEXT
}
