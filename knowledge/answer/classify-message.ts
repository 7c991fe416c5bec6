/**
 * Sorts a message before any search: asking for a person (contact), asking how an
 * application is progressing (status, or a receipt code), small talk (greetings, thanks),
 * questions outside public procedures (weather, prices, lottery, football, recipes …),
 * gibberish, or a procedure question. Complaints, denunciations and feedback are procedure
 * questions that also get the feedback channel (`isComplaint`).
 * @module
 */
import { containsPhrase } from '../search/contains-phrase.ts'
import type { ExpandedQuery } from '../search/expand-query.ts'
import { foldPhrase, lookupPhrase, type Synonyms, spanLimit } from '../search/load-synonyms.ts'
import { type AnalyzedToken, isVietnameseSyllable } from '../search/normalize-vietnamese.ts'
import type { AbsentTopics } from './absent-topics.ts'
import { asksForPerson } from './asks-for-person.ts'
import { asksForTips } from './asks-for-tips.ts'
import { asksMarketChoice } from './asks-market-choice.ts'
import {
  ADMIN_ABBREVIATIONS,
  type AdminEvidence,
  findAdminEvidence,
  holdsPairBeside,
  isAdminWording,
  namesPrivatePaper,
} from './find-admin-evidence.ts'
import { type AdminEvidenceReader, createAdminEvidenceReader } from './read-admin-evidence.ts'

export type MessageClass = 'contact' | 'status' | 'smalltalk' | 'out_of_scope' | 'gibberish' | 'question'

export type ClassifyMessageOptions = {
  query: ExpandedQuery
  synonyms: Synonyms
  /** The message as typed, for receipt codes. */
  text?: string
  /**
   * Share of the procedure names holding a folded word or word pair: with it, the records decide
   * (`findAdminEvidence`): a message with evidence of public administration is a question even when
   * it also names an everyday thing, and a short one without any is small talk or out of scope.
   */
  wordShare?: (folded: string) => number
  /** Public-service topics the records lack, which are evidence of a service question too. */
  topics?: AbsentTopics
  /** The message's evidence over the same query, word shares and topics, when the caller reads it once for several checks. */
  evidence?: AdminEvidenceReader
}

/** Asking how an application is progressing (folded). */
const STATUS_PHRASES = [
  'den dau roi',
  'toi dau roi',
  'tinh trang ho so',
  'trang thai ho so',
  'tien do ho so',
  'tien do giai quyet',
  'tien do xu li',
  'tra cuu ho so',
  'tra cuu ket qua ho so',
  'tra cuu ket qua giai quyet',
  'cho tiep nhan',
  'tra ho so',
  'kiem tra ho so',
  'theo doi ho so',
  'chua co ket qua',
  'chua thay ket qua',
  'chua nhan duoc ket qua',
  'chua nhan ket qua',
  'chua tra ket qua',
  'xu li xong chua',
  'giai quyet xong chua',
  'duyet chua',
  'ma bien nhan',
  'giay bien nhan',
  'phieu hen',
  'tre hen',
  'qua hen',
  'qua ngay hen',
  'den buoc nao',
  // where it lies, who holds it, late or refused or sent back for more ("hồ sơ đang ở khâu nào", "ai đang
  // giữ hồ sơ của tôi", "quá hạn trả kết quả", "hồ sơ bị từ chối", "bị yêu cầu bổ sung")
  'o khau nao',
  'dang giu ho so',
  'qua han tra ket qua',
  'tre han tra ket qua',
  'qua han giai quyet',
  'ho so bi tu choi',
  'bi yeu cau bo sung',
  'tinh hinh giai quyet',
  'tinh hinh xu li',
  'tinh hinh ho so',
  'toi buoc nao',
  'da xong chua',
  'xong chua',
  'co ket qua chua',
  'duoc duyet chua',
  'da duyet chua',
  'da giai quyet chua',
  'xem ket qua ho so',
  'ma ho so',
  'so bien nhan',
  'o buoc nao',
  'buoc nao roi',
  'dang xu li den dau',
  'den dau r',
  'o khau nao',
  'den khau nao',
  'khau nao roi',
  'giay hen',
  'khong thay phan hoi',
  'chua thay phan hoi',
  'chua co phan hoi',
  'ho so bi treo',
  // nobody has taken it up ("nộp hồ sơ … online 1 tuần chưa ai xử lý", "… vẫn đang chờ xử lý")
  'dang cho xu li',
  'xu li toi dau',
  'xu li den dau',
  'giai quyet toi dau',
  'giai quyet den dau',
  'chua ai xu li',
  'chua ai giai quyet',
  'chua duoc xu li',
  // an application sent back ("sao em bị trả hồ sơ"; "hồ sơ … bị trả về": SENT_BACK)
  'bi tra ho so',
  'bi tra lai ho so',
  // the result looked up, taken in, or late against the date set ("tra cứu kết quả giải quyết hồ sơ",
  // "làm sao biết hồ sơ đã được tiếp nhận", "nộp lâu rồi chưa thấy gọi", "hẹn trả kết quả hôm qua mà chưa có")
  'tra cuu ket qua giai quyet',
  'da duoc tiep nhan',
  'duoc tiep nhan chua',
  'tiep nhan chua',
  'nop lau roi',
  'nop lau qua',
  'chua thay goi',
  'hen tra ket qua hom qua',
  'qua ngay hen tra',
  // still in hand, signed or not ("cứ hiện đang xử lý cả tuần nay", "đã được ký chưa"), a receipt's number
  'hien dang xu li',
  'van dang xu li',
  'van chua xu li',
  'da duoc ki chua',
  'duoc ki chua',
  'da ki chua',
  'bien nhan so',
  // a state the portal shows for it ("hồ sơ của em bị trạng thái chờ bổ sung")
  'trang thai cho',
  'cho bo sung',
]

/**
 * "xong chưa" followed by the verb the "chưa" goes with ("cưới xong chưa làm giấy tờ gì"), folded. (Not
 * "bán": unmarked it is also "bạn", "hồ sơ xong chưa bạn" asks the progress.)
 */
const DONE_THEN_NOT_YET =
  /\bxong chua(?= (?:lam|dang|nop|xin|di|co|biet|chay|dung|su dung|hoat dong|khai|mo|mua|xay|ky|ki|thue|bat dau)\b)/g

/** An application sent back ("hồ sơ bị trả về là sao", "hồ sơ đăng ký kinh doanh bị trả lại") — folded. */
const SENT_BACK = /\bho so\b(?: \S+){0,10}? bi tra (?:ve|lai)\b/

/**
 * A result promised for a day that has not come ("hẹn trả kết quả hôm nay mà chưa có tin nhắn", "cán bộ
 * hẹn thứ 6 trả mà giờ chưa thấy") — folded.
 */
const PROMISED =
  /\bhen\b(?: \S+){0,4}? (?:tra|lay|nhan|co)\b.*\b(?:chua|khong) (?:co|thay|nhan|tra|duoc|lay)\b/

/** The portal's own word on an application ("hồ sơ online báo đang xử lý 3 tuần rồi"), not a notice's name. */
const PORTAL_SAYS = /(?<!\bthong )\bbao dang (?:xu li|cho|giai quyet)\b/

/**
 * The progress of an application ("xem tiến độ hồ sơ", "kiểm tra tiến độ giải quyết") — folded. A
 * schedule changed, stretched or kept in a procedure ("đổi tiến độ chuyển vốn đầu tư", "điều chỉnh tiến
 * độ dự án", "giãn tiến độ", "lùi tiến độ")
 * is what the citizen asks to register, not how an application is going; nor, unmarked, are dollars
 * taken or paid ("thu tiền đô", "đổi tiền đô Mỹ"; "xem thử tiến độ" still asks the progress).
 */
const PROGRESS =
  /(?<!\b(?:doi|thay doi|dieu chinh|gia han|keo dai|gian|lui|cham|nhan|rut|gui|mua|ban|giu|cam) )(?<!(?<!\bxem )\bthu )\btien do\b(?! (?:chuyen|gop|dau tu|du an|thuc hien|xay dung|thi cong|von|my|la)\b)/

/**
 * Asking when the result of an application already handed in comes, without naming it ("nộp hồ sơ
 * online rồi bao giờ có kết quả", "đã gửi hồ sơ rồi khi nào nhận được") — folded: with no procedure
 * named there is no record's time limit to tell, only where to follow it. "nộp hồ sơ cấp hộ chiếu
 * bao lâu có kết quả" names the procedure and asks its time limit.
 */
const HANDED_IN =
  /\b(?:da )?(?:nop|gui) (?:ho so|don|giay to)(?: (?:online|truc tuyen|qua mang|tren mang|qua buu dien|tren vneid|tren cong dich vu cong))? roi\b.*(?:\b(?:bao gio|khi nao|bao lau nua|bao lau thi|bao lau moi)\b.*\b(?:co|nhan|lay|tra|xong)\b|\b(?:cho )?bao lau nua\b|\b(?:xem|coi) (?:ket qua|ho so)\b|\b(?:tra cuu|theo doi)\b)/

/**
 * An application handed in, named so ("hồ sơ đã nộp", "hồ sơ nộp rồi"), with where to look it up, its
 * waiting or its result ("xem hồ sơ đã nộp ở đâu", "hồ sơ đã nộp bị treo lâu quá", "bao giờ nhận được
 * kết quả hồ sơ đã nộp") — folded.
 */
const SUBMITTED =
  /\bho so (?:(?:da|vua) (?:nop|gui)|(?:nop|gui) roi)\b(?=.*\b(?:xem|coi|tra cuu|theo doi|treo|lau qua|lau the|lau vay|cham|sao roi|xong chua|duyet chua)\b)|\b(?:bao gio|khi nao|bao lau nua|xem|coi|tra cuu|theo doi)\b.*\bho so (?:(?:da|vua) (?:nop|gui)|(?:nop|gui) roi)\b/

/**
 * Paid and waiting, or asking someone to check an application ("đã đóng phí rồi bao giờ có kết quả", "check
 * giúp mình hồ sơ với", "kiểm tra giúp hồ sơ hộ chiếu") — folded.
 */
const PAID_OR_CHECK =
  /\b(?:da )?(?:dong|nop|chuyen) (?:phi|le phi|tien)(?: \S+){0,3} roi\b.*\b(?:bao gio|khi nao|bao lau)\b|\bcheck\b(?: \S+){0,3} ho so\b|\bkiem tra (?:giup|ho|dum|gium)(?: (?:toi|minh|em|tui))? ho so\b/

/** A receipt code written another way than {@link RECEIPT_CODE} ("H40.22-261101-0005"). */
const RECEIPT_CODE_LOOSE = /\b[a-z]\d{2}(?:\.\d{1,3})+-\d{6}-\d{3,6}\b/i

/**
 * The citizen's own application ("hồ sơ của tôi", "hồ sơ em") with a question about its result or its
 * time ("khi nào có kết quả hồ sơ của tôi", "hồ sơ của em bao giờ xong") — folded. It names no
 * procedure, so there is no record's time limit to tell, only where to follow it.
 */
const OWN_APPLICATION = String.raw`\bho so(?: \S+){0,4}? (?:cua )?(?:toi|em|minh|tui|chung toi)\b(?! be\b)`
const WHEN_DONE = String.raw`\b(?:bao gio|khi nao|bao lau nua|ket qua|xong|den dau|sao lau|lau qua|lau the|lau vay|sao roi|the nao roi|bi treo|tre han|qua han|(?:dang )?nam o dau|dang o dau|o dau roi)\b`
const OWN_APPLICATION_WHEN = new RegExp(
  `${OWN_APPLICATION}(?: \\S+){0,4}? ${WHEN_DONE}|${WHEN_DONE}(?: \\S+){0,3}? ${OWN_APPLICATION}(?: (?:nop|gui|lam)\\b.*)?$`,
)

/** Something handed in some time ago ("nộp từ tuần trước", "làm 3 tuần rồi", "nộp từ tháng 8", "nộp từ đầu tháng", "nộp online từ thứ hai") — folded. */
const HANDED_IN_AGO = String.raw`\b(?:nop|lam(?! on\b)|gui)\b(?: \S+){0,6}? (?:(?:tu |tu hom |hom )?(?:tuan truoc|thang truoc|hom qua|hom truoc|hom thu \S+|(?:tu )?thu (?:hai|ba|tu|nam|sau|bay|\d)|(?:tu )?dau (?:thang|tuan|nam)(?: nay| truoc)?|(?:\d+|mot|hai|ba|may|vai) (?:ngay|hom|tuan|thang) (?:truoc|roi))|(?:tu|tu hom|tu ngay|tu dau|hom|ngay) (?:thang \d{1,2}|ngay \d{1,2}|\d{1,2}(?:[/ -]\d{1,2})?)(?!\d))\b`

/**
 * Waiting for a result without a receipt code: something handed in ("nộp", "làm", "gửi") some
 * days ago ("đã 10 ngày", "tuần trước", "hôm thứ 2") and not received yet ("sao chưa có thẻ",
 * "chưa thấy trả") or asked whether it came ("căn cước làm lại 3 tuần rồi đã có chưa"), or asked when
 * it comes ("bao giờ tôi nhận được hộ chiếu, nộp từ tuần trước rồi") — folded. "bé 2
 * tháng chưa có giấy khai sinh" names no handing in, so it stays a question, and so does a "làm ơn"
 * ("làm ơn cho hỏi, con mới sinh được 2 tháng chưa có giấy khai sinh": please, not made).
 */
const WAITING = new RegExp(
  [
    // "bao giờ tôi nhận được hộ chiếu, nộp từ tuần trước rồi"
    String.raw`\b(?:bao gio|khi nao|bao lau nua)\b.*\b(?:nhan|lay|co)\b.*${HANDED_IN_AGO}`,
    // "nộp từ tuần trước rồi, khi nào có"
    String.raw`${HANDED_IN_AGO}.*\b(?:bao gio|khi nao)\b.*\b(?:nhan|lay|co)\b`,
    // "đã nộp online hôm thứ 2, giờ xem kết quả ở đâu"
    String.raw`${HANDED_IN_AGO}.*\b(?:xem|coi|tra cuu|theo doi) (?:ket qua|ho so)\b`,
    // "nộp từ tháng trước rồi, sao lâu thế", "nộp hôm thứ 3 giờ sao rồi"
    String.raw`${HANDED_IN_AGO}.*\b(?:sao roi|the nao roi|sao lau|lau qua|lau the|lau vay)\b|\b(?:sao lau|lau qua|lau the|lau vay)\b.*${HANDED_IN_AGO}`,
    // "sao lâu vậy mà chưa có căn cước": asking why the wait is so long, without saying what was handed in
    // ("bé 2 tháng chưa có giấy khai sinh, lâu quá" waits for nothing handed in)
    String.raw`\bsao lau\b.*\bchua (?:co|nhan|thay|tra|duoc|lay|xong)\b`,
    // "đã 10 ngày … sao chưa có thẻ", "làm lại 3 tuần rồi đã có chưa", "nộp tuần trước chưa thấy trả",
    // "hồ sơ nộp bữa giờ sao chưa thấy gì hết trơn"
    // ("chưa đăng ký kết hôn, con mới sinh được 2 tháng chưa có giấy khai sinh" hands nothing in)
    String.raw`(?<!\bchua )\b(?:nop|lam(?! on\b)|gui|dang ki)\b.*\b(?:\d+|mot|hai|ba|may|vai|nhieu) (?:ngay|hom|tuan|thang)\b.*\b(?:chua (?:co|nhan|thay|tra|duoc|lay|xong)|(?:co|xong|tra|nhan duoc|lay duoc) chua)\b|\b(?:nop|lam(?! on\b)|gui|dang ki)\b.*\b(?:tuan truoc|thang truoc|hom qua|hom truoc|hom thu|bua gio|may bua nay|bua truoc|hom bua|may hom nay|ca tuan nay|ca thang nay)\b.*\bchua (?:co|nhan|thay|tra|duoc|lay|xong)\b`,
  ].join('|'),
)

/** Complaints, denunciations, feedback and petitions (folded). */
const COMPLAINT_PHRASES = [
  'khieu nai',
  'to cao',
  'phan anh',
  'kien nghi',
  'gop y',
  'nhung nhieu',
  'hach dich',
]

/** A receipt (application) code: agency code, date, number — 000.00.12.H56-260101-0001. */
export const RECEIPT_CODE = /\b\d{3}\.\d{2}\.\d{2}\.[a-z]\d{2}-\d{6}-\d{3,6}\b/i

/** Whether the message complains, denounces or gives feedback (the feedback channel is added to the reply). */
export const isComplaint = (query: ExpandedQuery): boolean => {
  const whole = query.folded.join(' ')
  return COMPLAINT_PHRASES.some((p) => containsPhrase(whole, p))
}

/**
 * A market price per unit ("giá lúa tuần này bao nhiêu 1 ký", "giá heo hơi hôm nay mấy chục một
 * cân", "giá đất khu này bao nhiêu một mét") — folded: prices of goods and land are not public
 * procedures (a fee is "lệ phí", "phí").
 */
/**
 * Asking whether the bot is a person or a machine ("bạn là người thật hay máy", "bạn là người hay
 * máy vậy", "em là robot à", "bạn có phải là chatgpt không"), who made it or whom it works for ("ai
 * tạo ra bạn vậy", "bạn làm việc cho ai"), where it lives, which languages it speaks — folded: a remark
 * to the bot, not a request for a person.
 */
const ASKS_BOT_NATURE =
  /^(?:ban|em|bot|ad|admin|may|cau) (?:(?:la )?(?:nguoi(?: that)? hay (?:may|bot|robot|ai)|(?:may|robot|bot|ai) hay nguoi(?: that)?)|la (?:robot|may)|co phai (?:la )?(?:nguoi(?: that)?|may|robot|bot|ai)(?: khong| ko| k)?|ten (?:la )?gi|la ai)(?: (?:vay|the|a|ha|ah|nhi|day|sao|the|z))*$|^ten (?:ban|em|bot|ad) la gi(?: (?:vay|the|a|ha|nhi|z))*$|^(?:ai (?:tao|lam|viet|lap trinh) ra (?:ban|em|bot)|(?:ban|em|bot) (?:do|la do) ai (?:tao|lam|viet|lap trinh)(?: ra)?)(?: (?:vay|the|a|ha|nhi|z|the))*$|^(?:ban|em|bot|ad|may|cau) (?:(?:co phai )?(?:la )?(?:chatgpt|chat gpt|gpt|gemini|tri tue nhan tao)|lam viec cho ai|song o dau|(?:co )?(?:biet|hieu) (?:noi )?tieng (?:anh|viet|trung|han|nhat|phap)(?: khong| ko| k)?)(?: (?:vay|the|a|ha|nhi|z|khong|ko|k))*$/

/**
 * A remark about the assistant or its replies ("trợ lý số thông minh ghê", "trả lời vớ vẩn",
 * "nói gì chả hiểu", "hỏi mãi không hiểu gì", "chẳng giúp được gì", "cảm ơn ad đã hỗ trợ nhiệt tình",
 * "không có gì đâu") — folded: small talk when the message is short and names nothing of public
 * administration ("công an phường trả lời sai" is a complaint about a body).
 */
const BOT_REMARKS = [
  /\b(?:bot|ban|em|tro li|ad) (?:khong|chang|ko|cha) (?:tra loi|rep)\b/,
  /^(?:tra loi|rep|giai dap|huong dan)(?: \S+){0,2} (?:hay|tot|nhanh|chi tiet|de hieu|ro rang|chuan|chinh xac|nhiet tinh)(?: (?:qua|lam|ghe|the|that|nhi|nha|a|day|vay|phet|nhe|ra phet))*$/,
  /\b(?:tra loi|rep|noi|viet)\b(?: \S+){0,3} (?:vo van|linh tinh|lung tung|sai|kem|do|te|chan|nham|khong dung|chang dung|cha dung|chang ra gi|cha ra gi|kho hieu)\b/,
  /\b(?:khong|chang|cha|ko) tra loi (?:dung|duoc|dc)\b/,
  /\b(?:noi|viet|tra loi) gi (?:cha|chang|khong|ko) hieu\b/,
  /\b(?:chang|cha|khong|ko) giup (?:duoc |dc )?(?:gi|j)\b/,
  /\bhoi (?:mai|hoai|may lan|nhieu lan|lai)\b(?: \S+){0,2} (?:khong|chang|cha|ko) (?:hieu|duoc|tra loi|ra)\b/,
  /\b(?:tro li|bot|chatbot|robot)\b(?: \S+){0,3} (?:thong minh|gioi|xin|hay|nhanh|chan|ngu|do|kem|te|vo dung|cham|vo van|linh tinh|vo ich|te hai|kem coi)\b/,
  /\btra loi nhu (?:khong|chua)(?: tra loi)?\b/,
  /^(?:cam on|thanks?|tks)\b(?: \S+){0,5} (?:chi tiet|nhiet tinh|tan tinh|huu ich|de hieu|ro rang)(?: (?:qua|lam|ghe|nhe|nha|a|nhieu))*$/,
  /^(?:(?:a|o|u|da|vang|ok|oke) )?khong co gi(?: (?:dau|ca|a|nhe|nha|ban|em))*$/,
  // help praised ("hay quá, giúp được nhiều đấy", "hữu ích lắm")
  /(?:^|\b(?:hay|tot|tuyet|gioi)(?: (?:qua|lam|ghe|that))?,? )(?:giup (?:duoc |dc )?(?:nhieu|ich)|huu ich)(?: (?:qua|lam|ghe|that|day|nha|nhe|lam luon))*$/,
  /\b(?:bot|tro li|ban|em) co (?:hoat dong|chay|song|online) (?:khong|ko|k)\b/,
  // how it answers ("bạn trả lời nhanh thật đấy", "trả lời dài quá đọc không hết", "sao bạn không hiểu tôi nói
  // gì vậy", "tôi không hài lòng với câu trả lời"), and sorry for asking so much
  /^(?:ban|em|bot|ad|tro li) (?:tra loi|rep)(?: \S+){0,2} (?:hay|tot|nhanh|cham|chi tiet|de hieu|dai|ngan|lan man|kho hieu)\b/,
  /^(?:(?:ban|em|bot) )?(?:tra loi|cau tra loi)(?: \S+){0,2} (?:dai|dai dong|lan man|kho hieu|kho doc|ngan qua|cut lun)\b/,
  // asked to speak otherwise ("bạn có thể nói chậm hơn không"), or how it knows ("ủa sao bạn biết hay vậy")
  /\b(?:ban|em|bot|tro li) (?:co the )?(?:noi|tra loi|viet|rep) (?:cham|ngan|ro|de hieu|gon|nhanh) (?:hon|lai|thoi)\b/,
  /\bsao (?:ban|em|bot|tro li) biet (?:hay|nhieu|gioi|ro|het)\b/,
  /\b(?:ban|em|bot) (?:khong|chang|ko|cha) hieu (?:toi|minh|em|tui) (?:noi|hoi|viet)\b/,
  /\b(?:khong hai long|that vong|buc minh) (?:voi|ve) (?:cau tra loi|cach tra loi|ban|bot|tro li)\b/,
  /^(?:xin loi|sorry)(?: \S+){0,3} (?:hoi nhieu|lam phien|hoi lung tung|hoi hoai|hoi lien tuc)(?: (?:nhe|nha|a|ad|ban|em|qua|nhieu|lam|the|vay))*$/,
  // the bot understands nothing, is still there; help praised; a slip of typing; no more questions
  // ("bạn chẳng hiểu gì cả", "bot ơi bot còn thức không", "nhờ bạn mà mình biết", "mình gõ nhầm", "em không hỏi nữa đâu")
  /\b(?:ban|bot|tro li|ad) (?:chang|cha|khong|ko|hong) (?:hieu|biet) (?:gi|j)\b/,
  /\b(?:bot|tro li|ban|ad) (?:con )?(?:thuc|o do|o day) (?:khong|ko|k)\b/,
  /\bnho (?:ban|bot|ad|tro li) (?:ma )?(?:minh|toi|em|tui) (?:moi )?(?:biet|hieu)\b/,
  /^(?:(?:xin loi|sorry)(?: \S+){0,2} )?(?:minh|toi|em|tui) (?:go|bam|danh|nhan|gui) (?:nham|sai|lon|thieu)(?: \S+){0,3}$/,
  /^(?:thoi )?(?:minh|toi|em|tui|chau) (?:khong|ko|k|hong|chang) (?:hoi|can hoi) (?:nua|them)\b/,
  /^(?:thoi )?(?:minh|toi|em|tui|chau) hoi (?:xong|du|het) roi\b/,
  // the replies likened to a machine's, nothing known whatever is asked
  /\btra loi nhu (?:cai |mot cai )?(?:may|robot|bot)\b/,
  /\bhoi (?:gi|cai gi|j) cung (?:khong|chang|cha|ko) (?:biet|hieu|tra loi)\b/,
]

/**
 * What the assistant is, without naming it or in other words ("có phải robot không đấy", "người thật hay máy
 * vậy", "đây là máy tự động trả lời à", "mình đang nói chuyện với máy phải không", "ai đang trả lời tôi vậy",
 * "bạn là trợ lý ảo của ai"), when it works and what it helps with ("bạn làm việc
 * mấy giờ", "bạn có nghỉ cuối tuần không", "bạn hỗ trợ những thủ tục nào"), or the same in English — folded.
 */
/** The bot as the subject of a message ("bạn …", "bot …", "trợ lý số …") — folded. */
const BOT_SUBJECT = '(?:ban|em|bot|ad|may|cau|tro li(?: so)?)'
/** Particles and a form of address that may end such a remark ("… vậy", "… không bạn") — folded. */
const ENDS = '(?: (?:vay|the|a|ha|z|nhi|day|khong|ko|k|nhe|nha|chua|sao|ban|em|bot|ad))*$'

const BOT_NATURE = new RegExp(
  [
    '^(?:(?:co )?phai |la )*(?:robot|may|bot|chatbot|ai)(?: tra loi)?(?: (?:khong|ko|k|a|ha|ah|day|vay|the|z|nhi|sao))*$',
    '^(?:nguoi that|nguoi) hay (?:may|bot|robot|ai)(?: (?:vay|the|a|ha|z|nhi|day))*$',
    String.raw`\b(?:may|he thong|tong dai) tu dong(?: tra loi)?\b`,
    String.raw`\bdang (?:noi chuyen|nhan tin|chat) voi (?:may|bot|robot|ai|nguoi that|nguoi)\b`,
    `^ai (?:dang )?(?:tra loi|nhan tin|chat)(?: voi)? (?:toi|minh|em|tui)${ENDS}`,
    String.raw`\b(?:ban|em|bot) (?:la )?(?:tro li ao|chatbot|tro li so)(?: cua ai| cua co quan nao| do ai lam)\b`,
    `^(?:ban|em|bot|ad|tro li) (?:lam viec|hoat dong|truc|online|tra loi)(?: tu)? (?:may gio|luc nao|khi nao|ca ngay|ca dem|24)${ENDS}`,
    `^(?:ban|em|bot|ad|tro li) co (?:nghi|lam viec|truc|tra loi)(?: vao)? (?:cuoi tuan|thu bay|chu nhat|le|tet|ban dem|dem)${ENDS}`,
    `^(?:ban|em|bot|ad|may|cau) (?:la )?nguoi(?: that)? hay (?:la )?(?:may|bot|robot|ai|chatbot)${ENDS}`,
    `^(?:ban|em|bot|tro li) (?:thuoc|cua|la cua|lam cho) (?:co quan|don vi|ben|ai)(?: nao)?${ENDS}`,
    `^(?:ban|em|bot|ad|tro li) co (?:thong minh|gioi|hieu toi|hieu minh)${ENDS}`,
    `^(?:ban|em|bot|tro li) (?:ho tro|giup|tra loi|lam)(?: duoc)?(?: nhung| cac)? (?:thu tuc|viec|linh vuc|cau hoi)(?: gi| nao)${ENDS}`,
    `^(?:who are you|what is your name|what i your name|whats your name|how are you|nice to meet you|are you (?:a bot|a robot|human|real))${ENDS}`,
    `^(?:ban|em|bot|tro li)(?: nay)? (?:dung|la|chay bang|su dung) (?:ai|chatgpt|gpt|tri tue nhan tao)${ENDS}`,
    `^ai (?:dang )?(?:tra loi|nhan tin|chat)(?: voi)? (?:tin nhan nay|cau hoi nay|o day|ben kia)${ENDS}`,
    String.raw`\b(?:may|bot|he thong) tra loi tu dong\b`,
    `^(?:ban|em|bot) co biet (?:toi|minh|em|tui) la ai${ENDS}`,
    `^(?:(?:ban|em|bot) )?(?:co )?(?:noi|hieu|biet) (?:duoc )?tieng (?:anh|viet|trung|han|nhat|phap)(?: (?:duoc|dc))?${ENDS}`,
    String.raw`^(?:\S+ ){0,2}noi chuyen voi (?:toi|minh|tui|tao)(?: (?:di|chut|nha|nhe|cho vui|voi))*$`,
    // whether a machine answers, what one may ask it ("có phải robot đang trả lời không", "mình hỏi gì cũng
    // được hả")
    `^(?:(?:co )?phai |la )*(?:robot|may|bot|chatbot|ai) (?:dang )?tra loi(?: (?:toi|minh|em|tui))?${ENDS}`,
    `^(?:minh|toi|em|tui) (?:co the )?hoi (?:gi|j|bat cu (?:gi|dieu gi|cai gi)) cung (?:duoc|dc)(?: (?:ha|a|ah|sao|khong|ko|k|vay|the|ban|bot|ad))*$`,
    // what it knows ("bot có biết gì không vậy"; its own life, "bạn có người yêu chưa", is a question outside
    // the records)
    `^${BOT_SUBJECT} (?:co )?(?:biet|hieu) (?:gi|j)(?: (?:khong|ko|k|het|ca))?${ENDS}`,
    // a pleasantry, a return ("rất vui được nói chuyện với bạn", "lại là mình đây")
    `^(?:rat )?vui (?:duoc )?(?:noi chuyen|gap|lam quen|tro chuyen)(?: (?:voi|cung) (?:ban|em|bot|ad))?${ENDS}`,
    `^lai la (?:minh|toi|em|tui)(?: day)?${ENDS}`,
    `^(?:minh|toi|em|tui|chau) (?:da )?quay (?:lai|tro lai)(?: roi)?(?: (?:day|ne|nha|nhe|a|ban|bot|ad))*$`,
  ].join('|'),
)

/**
 * A request beside a remark about the assistant or its replies ("đây là máy tự động à, cho hỏi làm hộ chiếu",
 * "tôi cần người tư vấn, bot trả lời không đúng"): not only a remark — folded.
 */
const ASKS_FOR_MORE =
  /\b(?:cho (?:minh|toi|em|tui) hoi|cho hoi|can|muon|gap|xin(?! loi)|tu van|giup (?:toi|em|minh))\b/

/** A greeting or thanks that opens a message ("kính chào", "xin chân thành cảm ơn", "thanks") — folded. */
const GREETING_OPENS =
  /^(?:(?:da|xin|kinh|em|toi|minh|chau|con) )*(?:chao|cam on|chan thanh cam on|tks|thanks|thank you|tam biet|bye|hen gap lai|kinh gui (?:tro li|ban|ad))\b/
/** Words that ask for something after a greeting ("chào bạn, tôi muốn hỏi …") — folded. */
const ASKS_SOMETHING = /\b(?:muon|can|hoi|giup|lam sao|lam the nao|nho)\b/
/** At most this many words is a greeting or thanks with wishes ({@link greetsOnly}). */
const GREETING_WORDS = 20

/**
 * A greeting or thanks with nothing asked ("Kính chào quý cơ quan", "Xin chân thành cảm ơn quý cơ quan đã
 * giải đáp", "cảm ơn bạn đã giải đáp rất nhiệt tình, chúc bạn một ngày làm việc hiệu quả", "xin chào, tôi mới
 * dùng lần đầu", "chào nhé, mình đi đây"): no question word, nothing asked for, no word of public
 * administration once the form of address "quý cơ quan" is set aside ("chào bạn, tôi bị mất căn cước" tells a need).
 */
const greetsOnly = (all: string, text: string): boolean => {
  if (!GREETING_OPENS.test(all) || text.includes('?') || all.split(' ').length > GREETING_WORDS) return false
  if (asksQuestion(all) || ASKS_SOMETHING.test(all)) return false
  // (a form of address, and help thanked for or praised, "quý cơ quan", "sự hỗ trợ", "thông tin rất hữu ích")
  const rest = all
    .replace(/\bquy (?:co quan|can bo|vi)\b/g, '')
    .replace(/\b(?:su|da) (?:ho tro|giup do|giai dap|huong dan)\b/g, '')
    .replace(/\bthong tin(?: rat)? (?:huu ich|chi tiet|de hieu|ro rang)\b/g, '')
  return !ADMIN_WORDS.some((p) => containsPhrase(rest, p))
}

/**
 * Whether a greeting comes before a request (folded message and its evidence of public administration):
 * a word of administration or a paper's everyday name ("Xin chào, cải chính hộ tịch sai ngày sinh"), or
 * three words in a row whose pairs the procedure names hold ("Xin chào, thành lập trung tâm hòa giải
 * thương mại"; a single pair is chance beside a greeting: "chúc bạn làm việc hiệu quả", "xin chào, tôi mới
 * dùng lần đầu"); never with thanks or a goodbye, which speak of what was asked before, unless the thanks
 * only close the request ("Chào anh chị, cải chính hộ tịch sai ngày sinh. Cảm ơn").
 */
const greetsBeforeAsking = (
  all: string,
  evidence: AdminEvidence | null,
  namesObject: () => boolean,
): boolean =>
  !THANKS_OR_BYE.test(all.replace(CLOSING_THANKS, '')) &&
  (isAdminWording(evidence) || (evidence === 'pair' && namesObject()))

/** Thanks that close a message, a few words at most after them ("… cảm ơn", "… em cảm ơn anh chị ạ") — folded. */
const CLOSING_THANKS = / (?:(?:da|xin|em|toi|minh|chau|con) )*(?:cam on|tks|thanks|thank you)(?: \S+){0,3}$/

/** The words of a greeting, beside which a single word pair the names hold is chance. */
const GREETING_WORDS_SET = new Set([
  'xin',
  'chao',
  'kinh',
  'hi',
  'hello',
  'alo',
  'ban',
  'ad',
  'anh',
  'chi',
  'em',
])

/** Thanks or a goodbye (folded): "cảm ơn, thông tin về làm căn cước rất hữu ích" thanks, and asks nothing. */
const THANKS_OR_BYE = /\b(?:cam on|tks|thanks|thank you|tam biet|bye|hen gap lai)\b/

/**
 * Asking leave to ask, with nothing asked yet ("mình hỏi chút được không", "cho em hỏi xíu ạ", "hỏi tí
 * nhé") — folded: small talk, whose reply invites the question.
 */
const ASKS_TO_ASK =
  /^(?:(?:da|ad|ban|bot|em|oi) )*(?:cho )?(?:(?:minh|toi|em|tui|chau|con|to) )?(?:xin )?hoi (?:(?:1|mot) )?(?:chut|xiu|ti|ty|cai|cau|vai cau|chut xiu)(?: (?:duoc|dc|dk|voi|nha|nhe|a|ad|ban|em|bot|khong|ko|k|vay|nhi|chut))*$/

/** Whether a folded message only asks leave to ask ({@link ASKS_TO_ASK}). */
export const asksToAsk = (folded: string): boolean => ASKS_TO_ASK.test(folded)

/** At most this many words is a remark about the assistant ({@link BOT_REMARKS}). */
const BOT_REMARK_WORDS = 10

/**
 * Putting the question off ("để mình xem lại đã", "mình hỏi lại sau nhé", "để tôi suy nghĩ thêm") —
 * folded: a remark that asks nothing, small talk when it names nothing of public administration.
 */
const DEFERS =
  /(?:^|\b)(?:de (?:minh|toi|em|tui|to|chau|bac) (?:xem lai|xem them|xem da|suy nghi|tinh lai|tinh da|coi lai|doc lai|doc ki|doc da)|(?:minh|toi|em|tui|chau) (?:se )?hoi (?:lai |them )?sau|hoi lai sau|lat (?:nua )?(?:minh|toi|em|tui) hoi|(?:mai|hom khac|hom sau|luc khac|khi khac|de sau) (?:(?:minh|toi|em|tui|chau) )?(?:se )?hoi (?:tiep|them|lai|sau))\b/

const MARKET_PRICE =
  /(?<!\b(?:tham|quoc|ho|dan|chuyen) )\bgia\b(?! (?:tri|han|dinh|cam|suc|canh|nhap|pha)\b).*\b(?:bao nhieu|may|nhieu)\b.*\b(?:1|mot)\s?(?:ki|kg|ki lo|kilo|can|tan|ta|yen|lit|con|trai|qua|bo|bao|hop|chai|goi|thung|chuc|met|m2|met vuong|cong|sao)\b/

/**
 * A market price now ("giá bạc hôm nay", "gia heo hoi mien tay", "giá sầu riêng tuần này tăng hay
 * giảm") — folded: "giá" with one to three words, then a time, a region or a move of the price.
 * "gia" inside "gia hạn", "gia đình", "tham gia", "quốc gia" is not a price.
 */
const PRICE_NOW =
  /(?<!\b(?:tham|quoc|ho|dan|chuyen|ti|ty) )\bgia\b(?! (?:tri|han|dinh|cam|suc|canh|nhap|pha|su|toc|hoan|tang)\b)(?: \S+){1,3} (?:hom nay|hom qua|tuan nay|thang nay|bay gio|hien tai|mien (?:bac|nam|tay|trung)|tang|giam)\b/

/**
 * Asking for everyday advice ("phải làm sao", "nên làm gì", "có tốt không", "làm sao để …") — folded.
 * Out of scope only when no word of public administration is in the message (`ADMIN_WORDS`).
 */
const ADVICE =
  /\b(?:phai lam sao|phai lam gi|nen lam gi|lam sao de|lam the nao de|co tot khong|co nen|nen an|an gi|chua sao|chua the nao|lam gi bay gio)\b/

/**
 * Words of public administration (folded): papers, bodies, duties, benefits, property, vehicles,
 * schools. A question for advice that names none of them ("ban gai gian phai lam gi", "điện thoại
 * bị vào nước phải làm sao") is not about a public service; one that does ("bị mất ví cả căn cước
 * phải làm sao", "con chuyển trường phải làm gì") stays a question.
 */
const ADMIN_WORDS = [
  'giay',
  'dang ki',
  'cap',
  'thu tuc',
  'ho so',
  'phep',
  'chung',
  'khai',
  'thue',
  'bao hiem',
  'tro cap',
  'che do',
  'huong',
  'xa',
  'phuong',
  'uy ban',
  'cong an',
  'toa',
  'chinh quyen',
  'nha nuoc',
  'co quan',
  'can bo',
  'quy dinh',
  'luat',
  'phat',
  'vi pham',
  'dat',
  'nha o',
  'xay',
  'kinh doanh',
  'doanh nghiep',
  'cong ti',
  'ho khau',
  'cu tru',
  'tam tru',
  'thuong tru',
  'can cuoc',
  'ho chieu',
  'thi thuc',
  'ket hon',
  'li hon',
  'nghia vu',
  'quan su',
  'truong',
  'hoc',
  'bang',
  'xe',
  'tien dien',
  'cong to',
  'dien luc',
  'nuoc ngoai',
  'lao dong',
  'luong',
  'huu',
  'ngheo',
  'tranh chap',
  'boi thuong',
  'mat',
  'so do',
  'so hong',
  'so ho khau',
  'so dinh danh',
  'het han',
  ...ADMIN_ABBREVIATIONS,
  'con nuoi',
  'giam ho',
  'di chuc',
  'thua ke',
  'vay von',
  'ho tro',
]

/** Words that make a message about procedures even when it also names an off-topic thing. */
const PROCEDURE_WORDS = [
  'dang ki',
  'giay phep',
  'giay chung nhan',
  'chung nhan',
  'thu tuc',
  'ho so',
  'le phi',
  'cap',
  'kinh doanh',
  'chung thuc',
  'xac nhan',
  'thanh lap',
  'mo quan',
  'mo cua hang',
  'mo cong ti',
  'mo shop',
  'giay to',
  // papers and duties a citizen names: "khai thuế cho đại lý xổ số", "làm hộ chiếu đi du lịch"
  'khai thue',
  'nop thue',
  'dong thue',
  'quyet toan',
  'ho chieu',
  'the can cuoc',
  'khai sinh',
  'khai tu',
  'ket hon',
  'tam tru',
  'thuong tru',
  'giay phep lai xe',
  'bao hiem xa hoi',
  'the bao hiem y te',
  'gia han',
  'thi thuc',
  'dinh danh',
  'dich vu cong',
]

/**
 * Small talk beside the dictionary's: laughter, a bare "uh" or "ê", goodbyes and new-year wishes
 * ("haha", "bái bai nhé", "hẹn gặp lại", "chúc mừng năm mới", "camon") — folded.
 */
const SMALL_TALK = [
  'haha',
  'hihi',
  'hehe',
  'hoho',
  'kaka',
  'keke',
  'kk',
  'kkk',
  'lol',
  'uh',
  'uhm',
  'um',
  'ừ',
  'ừm',
  'ờ',
  'ê',
  'ok bot',
  'bái bai',
  'bai bai',
  'bye bye',
  'hẹn gặp lại',
  'good night',
  'good bye',
  'goodbye',
  'good afternoon',
  'good evening',
  'chúc mừng',
  'camon',
  'cmon',
  'thank u',
  'thank you so much',
  'thanks so much',
  'thanks you',
  'ty',
  'okie',
  'oki',
  'uk',
  'uki',
  'okela',
  'ủa',
  'tạm biệt',
  'hẹn hôm khác',
  'hẹn khi khác',
  // trying the assistant, asking how it is, checking someone is there
  'test',
  'test thử',
  'thử',
  'thử xem',
  'bạn thế nào',
  'hôm nay bạn thế nào',
  'bạn sao rồi',
  'có ai không',
  'có ai ở đây không',
  'có ai ở đó không',
  // an acknowledgement that closes the talk ("thôi được rồi, cảm ơn em"), laughter in words
  'thôi',
  'thôi được',
  'được rồi',
  'thôi được rồi',
  'vậy thôi',
  'thế thôi',
  'buồn cười',
  // a remark on how the bot answers ("trả lời nhanh ghê", "sao hôm nay trả lời chậm thế")
  'trả lời nhanh',
  'trả lời chậm',
  'nhanh ghê',
  'nhanh quá',
  'chậm quá',
  'chậm thế',
  'giỏi ghê',
  'giỏi quá',
  // praise for the help given ("hay quá, giúp được nhiều đấy")
  'hay quá',
  'hay ghê',
  'hay thật',
  'giúp được nhiều',
  'giúp ích nhiều',
  'hữu ích',
  'hữu ích quá',
  'hay quá trời',
  'quá trời',
  'ngủ ngon',
  'lâu quá',
  'lâu thế',
  'lâu vậy',
  'trời ơi',
  'bot',
  // putting the questions off ("thôi để mai tui hỏi tiếp")
  'để mai hỏi tiếp',
  'mai hỏi tiếp',
  'để mai hỏi',
  'hỏi sau',
  'để sau',
  'hỏi tiếp sau',
  'để mai',
  'hỏi tiếp',
  // not understanding the reply, asking it again ("hông hiểu gì hết trơn", "nói lại được không")
  'không hiểu',
  'chưa hiểu',
  'không hiểu gì',
  'hông hiểu',
  'hổng hiểu',
  'không hiểu gì hết',
  'hông hiểu gì hết trơn',
  'nói lại',
  'nói lại được không',
  'nói rõ hơn',
  'giải thích lại',
  // understanding the reply ("à ra vậy, hiểu rồi"), giving the question up ("thôi bỏ đi không cần nữa")
  'hiểu rồi',
  'ra vậy',
  'ra thế',
  'thế à',
  'vậy à',
  'bỏ đi',
  'không cần nữa',
  'lần sau',
  // greeting the bot as a person ("bạn ăn cơm chưa", "cho mình làm quen"); its age or love life is a
  // question outside the records (tests/fixtures/cases/classify-message.tsv)
  'làm quen',
  'ăn cơm chưa',
  'ăn gì chưa',
  'có mệt không',
  'mệt không',
  'nice to meet you',
].map(foldPhrase)

/** Laughter typed as syllables ("ahihi", "hahaha", "hihihi", "kakaka"): small talk. */
const LAUGHTER = /^a?(?:h[aeiou]|k[ae]){2,}$/

/** The bot named in a remark ("bot ơi", "ad ơi", "trợ lý ơi") — folded, between spaces. */
const TO_THE_BOT = / (?:bot|ad|admin|tro li) oi /

/**
 * Insults and rude remarks to the bot ("đồ ngu", "bot vô dụng", "ngu thế", "trả lời chẳng ra gì") —
 * folded. Like praise ("bot giỏi quá") they are a remark about the bot, not a topic the citizen asks
 * about, so a message of only these, the bot's name and filler is small talk; one that goes on to ask
 * something ("bot ngu quá, làm hộ chiếu ở đâu") is read for what it asks.
 */
const INSULTS = [
  'ngu',
  'đồ ngu',
  'ngu quá',
  'ngu thế',
  'ngu vậy',
  'ngu vl',
  'ngu ngốc',
  'đồ ngốc',
  'ngốc',
  'vô dụng',
  'đồ vô dụng',
  'dốt',
  'dở tệ',
  'dở ẹc',
  'tệ quá',
  'trả lời chẳng ra gì',
  'trả lời chả ra gì',
  'trả lời không ra gì',
  'trả lời như không',
  // a wrong answer said rudely ("trả lời chẳng đúng gì cả", "sai bét")
  'trả lời chẳng đúng gì',
  'trả lời chả đúng gì',
  'trả lời không đúng gì',
  'chẳng đúng gì',
  'chả đúng gì',
  'sai bét',
  'trả lời sai bét',
  'trả lời linh tinh',
  'trả lời lung tung',
  // remarks on the replies themselves ("trả lời dở quá", "bot trả lời chậm quá")
  'trả lời dở',
  'trả lời chậm',
  'trả lời sai',
  'trả lời sai rồi',
  'trả lời không đúng',
  'dở quá',
  'chậm quá',
].map(foldPhrase)

/** A typed face (":)", "=))", ":D", "^^", "<3", "T_T"): nothing but its marks and a few letters. */
const EMOTICON = /^[\s:;=^<>3()[\]{}|\\/*'"._~xXdDpPoOTy-]{1,16}$/u

/** Emoji, stickers, typed faces and punctuation only ("👍", "😂😂", "🙏🙏🙏", ":)", "=))"): an acknowledgement, small talk. */
const isEmojiOnly = (text: string): boolean =>
  (/\p{Extended_Pictographic}/u.test(text) && !/[\p{L}\p{N}]/u.test(text)) ||
  (EMOTICON.test(text.trim()) && /[:;=^]|<3|T_T/u.test(text))

const smallTalkSets = new WeakMap<Set<string>, Set<string>>()
/** The dictionary's small talk with this module's additions. */
const smallTalkOf = (synonyms: Synonyms): Set<string> => {
  let set = smallTalkSets.get(synonyms.smalltalk)
  if (!set) {
    set = new Set([...synonyms.smalltalk, ...SMALL_TALK, ...INSULTS])
    smallTalkSets.set(synonyms.smalltalk, set)
  }
  return set
}

/**
 * Words of wishes, thanks and greetings beside the dictionary's small talk: a message of only
 * these and filler ("chúc ad một ngày vui vẻ", "hi bot", "ok cảm ơn, tôi hiểu rồi") is small talk.
 */
const WISHES = [
  'tốt lành',
  'vui vẻ',
  'một ngày',
  'ngày mới',
  'ngày',
  'buổi chiều',
  'buổi trưa',
  'cuối tuần',
  'năm mới',
  'sức khỏe',
  'sức khoẻ',
  'thành công',
  'may mắn',
  'an lành',
  'hạnh phúc',
  'bình an',
  'làm việc',
  'hiệu quả',
  'thuận lợi',
  'công việc',
  'suôn sẻ',
  'mạnh khỏe',
  'mạnh khoẻ',
  'bot',
  'trợ lý',
  'trợ lý số',
  'hiểu rồi',
  'trả lời hay',
  'hay lắm',
  'đã hiểu',
  'hỗ trợ',
  'đã giúp',
  'giúp đỡ',
  'rất nhiều',
  'nhé',
  'có ai không',
  'có ai ở đó không',
  // whom a wish is for ("chúc cán bộ năm mới vui vẻ")
  'cán bộ',
  'anh chị',
  'các anh chị',
  'mọi người',
  'có ai đó không',
  // thanks for an answer, having understood it, an insult's intensifiers
  'giải đáp',
  'đã giải đáp',
  'biết rồi',
  'thật sự',
  'thật',
  'hôm nay',
  'sao',
  // a formal wish and thanks ("kính chúc quý cơ quan sức khỏe, cảm ơn đã hỗ trợ ạ"), an apology for asking
  'kính chúc',
  'quý cơ quan',
  'đã hỗ trợ',
  'xin lỗi',
  'hỏi hơi nhiều',
  'hỏi nhiều',
  // a greeting before the question to come ("hi, mình cần hỏi chút")
  'chút',
  'tí',
  'xíu',
  'ghê',
  'thế',
  'vl',
  'đồ',
  'cả',
  'hết',
].map(foldPhrase)
const WISH_SET = new Set(WISHES)
const WISH_SPAN = Math.max(...WISHES.map((p) => p.split(' ').length))

/** Most words of a message made only of small talk ("kính chúc quý cơ quan sức khỏe, cảm ơn đã hỗ trợ ạ"). */
const SMALL_TALK_WORDS = 14

/** Words small talk carries around its phrases that say nothing of their own ("hay quá trời luôn", "chúc bot …", "tui", "chậm quá"). */
const PASSED_OVER = new Set(['luon', 'tui', 'chuc', 'qua'])

/**
 * Covers `folded` with phrases from `set` (and the wishes beside it) and filler; true when nothing
 * else is left and a phrase of `set` matched (wishes alone are not small talk: "ngày" is not a greeting).
 */
const onlyPhrases = (
  folded: string[],
  set: Set<string>,
  synonyms: Synonyms,
  needsHit = true,
  /** The message's tokens, one per folded word: filler is then matched with the marks typed ("bản" is no "bạn"). */
  tokens?: AnalyzedToken[],
): boolean => {
  let i = 0
  let hits = 0
  while (i < folded.length) {
    let step = 0
    const span = Math.max(spanLimit(synonyms, folded, i), Math.min(WISH_SPAN, folded.length - i))
    for (let n = span; n >= 1 && !step; n--) {
      const key = folded.slice(i, i + n).join(' ')
      if (set.has(key)) {
        hits++
        step = n
      } else if (
        (tokens ? lookupPhrase(synonyms.filler, tokens, i, n, key) : synonyms.filler.has(key)) ||
        WISH_SET.has(key) ||
        PASSED_OVER.has(key)
      )
        step = n
    }
    if (!step) return false
    i += step
  }
  return hits > 0 || !needsHit
}

/**
 * Whether a message that opens with a greeting and closes with thanks asks something between them
 * (folded): words there beyond small talk, wishes and filler ("Chào anh chị\ngiá bạc hôm nay\nCảm ơn").
 */
const asksBetween = (all: string, synonyms: Synonyms): boolean => {
  if (!GREETING_OPENS.test(all) || !CLOSING_THANKS.test(all)) return false
  const between = all
    .replace(GREETING_OPENS, '')
    .replace(CLOSING_THANKS, '')
    .trim()
    .split(' ')
    .filter(Boolean)
  return between.length > 1 && !onlyPhrases(between, smallTalkOf(synonyms), synonyms, false)
}

const isKnownWord = (word: string, synonyms: Synonyms): boolean =>
  /\d/.test(word) ||
  isVietnameseSyllable(word) ||
  synonyms.abbreviations.has(word) ||
  synonyms.expansions.has(word) ||
  synonyms.smalltalk.has(word)

/** At most this many words is a short message (a remark, "bạn dễ thương ghê", or a quick question). */
const SHORT_WORDS = 5
/** At most this many words is a remark said to the bot by name, when it asks nothing. */
const REMARK_WORDS = 10
/** Words that make a short message a question ("mấy tuổi rồi", "là gì", "ở đâu") — folded. */
const QUESTION_MARKS = / (?:gi|sao|khong|ko|k|chua|nao|may|bao nhieu|dau|ai|the nao|ra sao|bao gio|hok|hem) /
/** Words whose folded "dau" is "đầu", not the question word "đâu" ("lần đầu", "bắt đầu", "ban đầu") — folded. */
const NOT_WHERE = / (?:lan|bat|ban|hang) dau /g
/** Whether a folded message holds a question word. */
const asksQuestion = (whole: string): boolean =>
  QUESTION_MARKS.test(` ${whole} `.replace(NOT_WHERE, ' $1 _ '))

/** Words that speak to the bot or wish it well ("bạn dễ thương ghê", "chúc bạn ngủ ngon") — folded. */
const ADDRESS = / (?:ban|bot|ad|admin|em|tro li|chuc|cam on|hen gap) /

/**
 * A short remark rather than a request: no question in it, and either very short ("tuyệt vời",
 * "giỏi lắm") or spoken to the bot. "kinh nghiệm leo Fansipan", "trị mụn tại nhà" ask for something.
 */
const isRemark = (whole: string, count: number, text: string): boolean =>
  !asksQuestion(whole) && !text.includes('?') && (count <= 3 || ADDRESS.test(` ${whole} `))

export const classifyMessage = ({
  query,
  synonyms,
  text = '',
  wordShare,
  topics,
  evidence: readEvidence,
}: ClassifyMessageOptions): MessageClass => {
  const words = query.folded
  const all = words.join(' ')
  // "cưới xong chưa làm giấy tờ gì": a "xong" then a "chưa" that goes with the next verb asks no progress.
  const asked = all.replace(DONE_THEN_NOT_YET, 'xong | chua')
  // The evidence of public administration (`findAdminEvidence`), read at most once and only when needed.
  const evidenceOf =
    readEvidence ??
    (wordShare ? createAdminEvidenceReader({ query, synonyms, wordShare, topics }) : () => null)
  // (a job application sent to a company is the company's to answer: "hồ sơ xin việc … sao chưa thấy gọi")
  if (
    RECEIPT_CODE.test(text) ||
    RECEIPT_CODE_LOOSE.test(text) ||
    (!namesPrivatePaper(all) &&
      (STATUS_PHRASES.some((p) => containsPhrase(asked, p)) ||
        PROGRESS.test(all) ||
        PORTAL_SAYS.test(all) ||
        SENT_BACK.test(all) ||
        PROMISED.test(all) ||
        HANDED_IN.test(all) ||
        SUBMITTED.test(all) ||
        PAID_OR_CHECK.test(all) ||
        OWN_APPLICATION_WHEN.test(all) ||
        WAITING.test(all)))
  )
    return 'status'
  if (ASKS_BOT_NATURE.test(all) || (BOT_NATURE.test(all) && !ASKS_FOR_MORE.test(all))) return 'smalltalk'
  if (asksForPerson(query.tokens)) return 'contact'
  // (a greeting before a request that names what the records are about is a question: "Xin chào, cải chính
  // hộ tịch sai ngày sinh", "xin chào, xin lý lịch tư pháp để đi làm ở Nhật")
  // The words of the out-of-scope phrases the message holds ("nấu", "thời tiết").
  const offTopicWords = new Set<string>()
  const offTopicAt = new Set<number>()
  query.tokens.forEach((_, i) => {
    for (let n = spanLimit(synonyms, query.folded, i); n >= 1; n--) {
      if (!lookupPhrase(synonyms.outOfScope, query.tokens, i, n)) continue
      for (let k = 0; k < n; k++) {
        offTopicWords.add(query.folded[i + k] ?? '')
        offTopicAt.add(i + k)
      }
      return
    }
  })
  const namesObject = () =>
    !!wordShare && holdsPairBeside({ query, wordShare, beside: GREETING_WORDS_SET, oneName: true })
  // (nor a topic outside the records between a greeting and thanks: "Chào anh chị, dự báo thời tiết Huế
  // ngày mai. Cảm ơn" asks it, and is told the records do not cover it)
  if (
    greetsOnly(all, text) &&
    !query.codes.length &&
    !offTopicWords.size &&
    !asksBetween(all, synonyms) &&
    !(wordShare && greetsBeforeAsking(all, evidenceOf(), namesObject))
  )
    return 'smalltalk'
  if (asksToAsk(all)) return 'smalltalk'
  if (
    words.length <= BOT_REMARK_WORDS &&
    BOT_REMARKS.some((r) => r.test(all)) &&
    !ASKS_FOR_MORE.test(all) &&
    !ADMIN_WORDS.some((p) => containsPhrase(all, p))
  )
    return 'smalltalk'
  if (query.codes.length) return 'question'
  if (isEmojiOnly(text)) return 'smalltalk'
  if (!words.length) return 'gibberish'
  if (words.every((w) => LAUGHTER.test(w))) return 'smalltalk'
  if (
    words.length <= SMALL_TALK_WORDS &&
    onlyPhrases(words, smallTalkOf(synonyms), synonyms, true, query.tokens)
  )
    return 'smalltalk'
  const whole = words.join(' ')
  // (a word of procedures inside the out-of-scope phrase is its everyday sense: "thủ tục ăn hỏi")
  const besideOffTopic = offTopicAt.size ? words.map((w, i) => (offTopicAt.has(i) ? '_' : w)).join(' ') : ''
  const offTopic = offTopicWords.size > 0
  const evidence = wordShare ? evidenceOf() : null
  // A word pair procedure names hold, typed beside the out-of-scope phrase rather than inside it
  // ("cơ sở nấu rượu muốn mua tem điện tử rượu"), names what the records are about as a word of
  // administration does.
  const worded =
    isAdminWording(evidence) ||
    (offTopic &&
      evidence === 'pair' &&
      !!wordShare &&
      holdsPairBeside({ query, wordShare, beside: offTopicWords }))
  // A choice on the market ("học lái xe ở trung tâm nào rẻ", "mua chung cư có nên không"): no record
  // makes it, whatever the evidence.
  if (asksMarketChoice(whole)) return 'out_of_scope'
  // Tips and suggestions ("mẹo nhớ câu lý thuyết thi bằng lái", "gợi ý tên khai sinh"): no record gives advice.
  if (asksForTips(whole)) return 'out_of_scope'
  if (ADVICE.test(whole) && !ADMIN_WORDS.some((p) => containsPhrase(whole, p)) && !worded)
    return 'out_of_scope'
  // Putting the question off, naming nothing of public administration ("umm để mình xem lại đã").
  if (
    DEFERS.test(whole) &&
    !text.includes('?') &&
    !ADMIN_WORDS.some((p) => containsPhrase(whole, p)) &&
    !worded
  )
    return 'smalltalk'
  if (
    (offTopic || MARKET_PRICE.test(whole) || PRICE_NOW.test(whole)) &&
    !PROCEDURE_WORDS.some((p) => containsPhrase(offTopic ? besideOffTopic : whole, p)) &&
    !worded
  )
    return 'out_of_scope'
  const unknown = words.filter((w) => !isKnownWord(w, synonyms)).length
  if (unknown / words.length > 0.5) return 'gibberish'
  // A short message with no evidence of public administration: a question about something else, or a
  // remark. One of only a facet ("phí bao nhiêu?") asks which procedure and is left to the answer.
  if (wordShare && !evidence && query.terms.length && words.length <= SHORT_WORDS && !isComplaint(query))
    return isRemark(whole, words.length, text) ? 'smalltalk' : 'out_of_scope'
  // A longer remark said to the bot by name ("hôm nay mệt quá bot ơi"), asking nothing.
  if (
    wordShare &&
    !evidence &&
    words.length <= REMARK_WORDS &&
    TO_THE_BOT.test(` ${whole} `) &&
    isRemark(whole, words.length, text) &&
    !isComplaint(query)
  )
    return 'smalltalk'
  return 'question'
}

export type IsOutsideRecordsOptions = {
  query: ExpandedQuery
  /** Share of the procedure names holding a folded word or word pair ("ho_chieu"), 0 when none. */
  wordShare: (folded: string) => number
  synonyms?: Synonyms
  topics?: AbsentTopics
  /** As in `classifyMessage`: the same message's evidence, read once for both checks. */
  evidence?: AdminEvidenceReader
}

/**
 * A message the records do not hold: it has no evidence of public administration
 * (`findAdminEvidence`: no word or everyday name of administration, no word pair that several
 * procedure names hold, no public service the records lack) and is no complaint ("ngày mai thứ
 * mấy", "cách nhuộm tóc tại nhà", "học tiếng Nhật ở đâu tốt"). A question about a public service
 * the records lack ("xin trợ cấp thất nghiệp", "mở thẻ ngân hàng") keeps the not-covered reply; a
 * procedure question in everyday words shares a pair with some names ("nuôi chim yến").
 */
export const isOutsideRecords = ({
  query,
  wordShare,
  synonyms,
  topics,
  evidence,
}: IsOutsideRecordsOptions): boolean =>
  query.terms.length > 0 &&
  !query.codes.length &&
  !(evidence ? evidence() : findAdminEvidence({ query, synonyms, wordShare, topics })) &&
  !isComplaint(query)
