/**
 * How long the paper a procedure issues stays valid ("bằng lái quốc tế dùng được bao lâu", "phiếu lý
 * lịch tư pháp có giá trị trong bao lâu"): a question the procedure's processing time does not answer.
 * The lead quotes the record's results where they state a validity ("… có giá trị sử dụng 06 tháng …")
 * and says plainly that they do not otherwise, so no processing time is read as a validity.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { clipSentences, splitSentences } from './clip-sentences.ts'

/**
 * Folded phrases that ask how long a paper stays valid. (The same asks are the result facet's cues in
 * knowledge/data/synonyms.json, which choose the part shown; these choose the lead.)
 */
const VALIDITY_ASKED = [
  'dung duoc bao lau',
  'dung duoc trong bao lau',
  'su dung duoc bao lau',
  'su dung trong bao lau',
  'gia tri bao lau',
  'gia tri trong bao lau',
  'gia tri su dung bao lau',
  'gia tri trong thoi gian bao lau',
  'hieu luc bao lau',
  'hieu luc trong bao lau',
  'hieu luc may',
  'gia tri may',
  'dung duoc may',
  'han su dung bao lau',
  'han su dung la bao lau',
  'han su dung may',
  'thoi han hieu luc bao lau',
  'bao lau thi het han',
  'bao lau het han',
  'may nam thi het han',
]

/** A record's sentence that states a validity: "có giá trị (sử dụng) … 6 tháng", "thời hạn … 05 năm". */
const STATES_VALIDITY =
  /(?:có giá trị|giá trị sử dụng|có hiệu lực|thời hạn (?:sử dụng|hiệu lực|của giấy|của thẻ|của chứng chỉ))[^.;]{0,60}?\d+\s*(?:ngày|tháng|năm)/iu

/** The lead when the record states no validity: the processing time is no answer to it. */
export const NOT_STATED =
  'Phần kết quả của hồ sơ thủ tục không ghi thời hạn sử dụng của giấy tờ được cấp (thời gian giải quyết của thủ tục là thời gian chờ cấp, không phải thời hạn sử dụng); bạn nên hỏi cơ quan giải quyết.'

/** Whether the folded question asks how long the paper stays valid. */
export const asksValidity = (folded: readonly string[]): boolean => {
  const whole = ` ${folded.join(' ')} `
  return VALIDITY_ASKED.some((p) => whole.includes(` ${p} `))
}

/** What the record says of the issued paper's validity, or that it says nothing; null when not asked. */
export const leadValidity = ({
  procedure,
  folded,
}: {
  procedure: Procedure
  folded: readonly string[]
}): string | null => {
  if (!asksValidity(folded)) return null
  // (only the results describe the paper issued: a condition's "hộ chiếu còn giá trị ít nhất 01 năm"
  // is about a paper the applicant brings)
  const stated = procedure.results.flatMap((t) => splitSentences(t)).find((s) => STATES_VALIDITY.test(s))
  return stated
    ? `Về thời hạn sử dụng, phần kết quả của hồ sơ thủ tục ghi: ${clipSentences(stated, 300).replace(/[.;:]\s*$/u, '')}.`
    : NOT_STATED
}
