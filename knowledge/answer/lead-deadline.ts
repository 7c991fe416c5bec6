/**
 * By when the citizen must file ("sinh con bao nhiêu ngày thì phải đi khai sinh", "mua xe bao lâu phải
 * sang tên"): a duty of the applicant, not how long the office takes. The time column of a record is the
 * office's processing time, so answering it alone would tell a citizen "1 ngày" for a birth that may be
 * registered within 60 days. The lead quotes the record where it states the applicant's time limit ("Trong
 * thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con"), or says
 * that it states none and that the time below is the processing time.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { clipSentences, splitSentences } from './clip-sentences.ts'

/**
 * Folded questions asking by when one must do it: a time asked beside "phải" (not "có phải … không",
 * whether it is needed), a notice asked "trước bao nhiêu ngày", or a last day.
 */
const DEADLINE_ASKED = [
  /\b(?:bao nhieu|may) (?:ngay|thang|tuan|nam)\b.*(?<!\bco )\bphai\b/,
  /\bbao lau\b.*(?<!\bco )\bphai\b/,
  /\bphai\b.*\b(?:trong|truoc) (?:vong |thoi han )?(?:bao lau|bao nhieu|may)\b/,
  /\bhan (?:chot|cuoi)\b/,
  /\b(?:tre|cham|muon) nhat (?:la )?(?:bao lau|may ngay|bao nhieu ngay|khi nao|luc nao)\b/,
]

/** Whether the folded question asks by when the applicant must file. */
export const asksFilingDeadline = (folded: readonly string[]): boolean => {
  const whole = folded.join(' ')
  return DEADLINE_ASKED.some((p) => p.test(whole))
}

/**
 * A time limit counted from an event, then whose duty it is: "Trong thời hạn 60 ngày kể từ ngày sinh con,
 * cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con" (the duty after the limit: "… phải thông báo …
 * trong thời hạn 02 ngày" is the office's).
 */
const LIMIT_THEN_DUTY =
  /(?:trong (?:thời hạn|vòng)(?: tối đa)?|chậm nhất(?: là)?|không quá)\s+\d+[^;]{0,30}?(?:ngày|tháng|năm)(?!\p{L})[^;]{0,160}?kể từ(?:(?!có trách nhiệm|phải)[^;])*(?:có trách nhiệm|phải)\s+(?:đi\s+)?(?:đăng ký|làm|thực hiện|nộp|thông báo|khai|kê khai|báo)/iu

/**
 * Notice to give before a day: "hộ kinh doanh gửi thông báo đến Cơ quan đăng ký kinh doanh … chậm nhất là
 * 03 ngày làm việc trước ngày tạm ngừng kinh doanh".
 */
const NOTICE_BEFORE =
  /(?:gửi|nộp|thông báo)[^;]{0,300}?chậm nhất(?: là)?\s+\d+[^;]{0,30}?(?:ngày|tháng)(?!\p{L})[^;]{0,20}?trước (?:ngày|khi)/iu

/** An office as the one with the duty ("Ủy ban nhân dân cấp xã … có trách nhiệm kiểm tra"): not the applicant. */
const OFFICE = /(?:ủy ban|uỷ ban|ubnd|cơ quan|công chức|công an|phòng|sở|chi cục|cục|bộ|cán bộ)(?!\p{L})/iu

/** How far before a notice's verb its subject is looked for. */
const NOTICE_SUBJECT_CHARS = 60

/** Counted from receiving the file ("kể từ ngày nhận được đơn", "kể từ ngày tiếp nhận hồ sơ"): the office's limit. */
const FROM_RECEIPT = /kể từ (?:ngày|khi|thời điểm) (?:nhận|tiếp nhận)/iu

/** The texts of a record a time limit on the applicant is written in: conditions, steps, papers. */
const textsOf = (p: Procedure): string[] => [
  p.requirements ?? '',
  ...p.steps,
  ...p.documents.map((d) => d.name),
]

/**
 * @returns the first clause of the record stating the applicant's time limit, as written (from the
 *   limit on), or null
 */
export const findFilingDeadline = (p: Procedure): string | null => {
  for (const text of textsOf(p))
    for (const sentence of splitSentences(text))
      for (const clause of sentence.split(/;\s*/u)) {
        const notice = NOTICE_BEFORE.exec(clause)
        // (an office giving notice, "cơ quan … có trách nhiệm thông báo công khai chậm nhất …", is none; the
        // quote starts at the case it is told for, after the heading a colon closes: "Trường hợp đăng ký trực tiếp …:")
        if (
          notice &&
          !OFFICE.test(clause.slice(Math.max(0, notice.index - NOTICE_SUBJECT_CHARS), notice.index))
        )
          return clipSentences(clause.slice(clause.lastIndexOf(':', notice.index) + 1).trim(), 400).replace(
            /[.;:]\s*$/u,
            '',
          )
        const found = LIMIT_THEN_DUTY.exec(clause)
        if (!found) continue
        // who has the duty: the words after the event the limit is counted from
        const subject = found[0].slice(found[0].lastIndexOf(',') + 1)
        if (OFFICE.test(subject) || FROM_RECEIPT.test(found[0])) continue
        return clipSentences(clause.slice(found.index).trim(), 400).replace(/[.;:]\s*$/u, '')
      }
  return null
}

/** The lead when the record states no time limit on the applicant. */
export const NO_DEADLINE_RECORDED =
  'Hồ sơ thủ tục không ghi hạn chót bạn phải làm thủ tục này. Thời hạn dưới đây là thời gian cơ quan giải quyết hồ sơ, không phải hạn phải nộp.'

/** What the record says of the applicant's time limit, or that it says none; null when none is asked. */
export const leadDeadline = ({
  procedure,
  folded,
}: {
  procedure: Procedure
  folded: readonly string[]
}): string | null => {
  if (!asksFilingDeadline(folded)) return null
  const quoted = findFilingDeadline(procedure)
  if (!quoted) return NO_DEADLINE_RECORDED
  const first = quoted.charAt(0).toUpperCase() + quoted.slice(1)
  return `Về thời hạn phải làm, hồ sơ thủ tục ghi: "${first}". Thời hạn giải quyết dưới đây là thời gian cơ quan xử lý hồ sơ.`
}
