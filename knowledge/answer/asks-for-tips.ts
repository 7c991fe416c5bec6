/**
 * Whether a message asks for tips, tricks or suggestions rather than for a procedure: "mẹo nhớ 600 câu lý
 * thuyết thi bằng lái", "gợi ý tên khai sinh cho bé gái", "kinh nghiệm ôn thi bằng lái", "bí quyết qua
 * phỏng vấn". The records hold duties, papers, fees and offices, never advice on studying, naming or
 * passing a test, so such a message is out of scope even when it names a paper. One that also asks for
 * an act on a paper or a fact of the records ("mẹo làm hộ chiếu nhanh", "kinh nghiệm xin giấy phép xây
 * dựng, hồ sơ gồm gì") is a procedure question.
 * @module
 */

/** Asking for tips, tricks or suggestions (folded). "mẹo" is "mèo" (a cat) without marks too. */
const TIPS = /\b(?:meo|bi quyet|bi kip|kinh nghiem|goi y|cach nho|cach hoc|tips?)\b/

/**
 * An act on a paper or a fact of the records (folded): applying, handing in, registering, issuing,
 * renewing; the papers, the file, the fee, the office, the time. ("làm bài", "làm quen", "làm đẹp" are no act on a paper.)
 */
const ACT =
  /\b(?:lam(?! (?:bai|quen|dep|giau|banh|mon))|xin|nop|dang ki|cap|doi|gia han|sang ten|thu tuc|ho so|giay|chung chi|chung nhan|xac nhan|le phi|phi|o dau|bao lau|may ngay|bao nhieu tien)\b/

/** Whether the folded message asks for tips or suggestions and for no act on a paper. */
export const asksForTips = (folded: string): boolean => TIPS.test(folded) && !ACT.test(folded)
