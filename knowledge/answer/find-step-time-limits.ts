/**
 * Time limits the steps state when the record's time column is empty: "Cơ quan đăng ký kinh
 * doanh cấp xã cấp Giấy chứng nhận … trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ."
 * The reply quotes those sentences as the steps word them, rather than saying the record gives
 * no time at all.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { clipSentences, splitSentences } from './clip-sentences.ts'

/** "trong thời hạn 03 ngày làm việc", "không quá 05 ngày", "chậm nhất là 02 giờ" */
const TIME_LIMIT =
  /(?:thời hạn|không quá|chậm nhất|tối đa)(?: là| tối đa)? (?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?: \([\p{L} ]+\))? (?:ngày làm việc|ngày|giờ làm việc|giờ|tháng)(?!\p{L})/iu

/** What the time is counted from ("kể từ ngày nhận đủ hồ sơ"): a limit for handling the file. */
const COUNTED_FROM = /kể từ (?:ngày|khi|thời điểm)/iu

/** A limit on the applicant, not on the office ("phải nộp hồ sơ trong thời hạn 30 ngày kể từ ngày …"). */
const APPLICANT_DUTY =
  /(?:người|tổ chức|cá nhân|chủ)[\p{L} ,]{0,60} phải (?:nộp|gửi|thực hiện|làm|đăng ký|thông báo|khai)/iu

/** A limit for asking the applicant to complete the file, not for handling it. */
const COMPLETING_FILE = /bổ sung, hoàn thiện|để bổ sung|để hoàn thiện|hoàn thiện đối với/iu

export const MAX_STEP_TIME_LIMITS = 2

/** @returns up to two sentences of the steps that state how long the office takes, in order */
export const findStepTimeLimits = (p: Pick<Procedure, 'steps'>): string[] => {
  const found: string[] = []
  for (const step of p.steps) {
    for (const sentence of splitSentences(step)) {
      if (!TIME_LIMIT.test(sentence) || !COUNTED_FROM.test(sentence)) continue
      if (APPLICANT_DUTY.test(sentence) || COMPLETING_FILE.test(sentence)) continue
      const text = clipSentences(sentence.replace(/^(?:[-+*•]+|Bước \d+[:.]?)\s*/u, ''), 300)
      if (!found.includes(text)) found.push(text)
      if (found.length === MAX_STEP_TIME_LIMITS) return found
    }
  }
  return found
}
