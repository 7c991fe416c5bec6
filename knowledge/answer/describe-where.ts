/**
 * Where to submit, from the record: the executing agency, else the competent agency, else
 * what the steps or the channel descriptions say ("Bước 2: Nộp hồ sơ cho Ủy ban nhân dân cấp
 * xã"), with the receiving address. A record that still names a district-level body is shown
 * with today's equivalent and a note (see `currentBody`).
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { splitSentences } from './clip-sentences.ts'

/**
 * District-level bodies ("Ủy ban nhân dân cấp huyện", "UBND huyện", "Công an cấp huyện",
 * "Phòng Tư pháp cấp huyện") and today's equivalent.
 *
 * The rule: since 1 July 2025 Vietnam has two levels of local government, province and
 * commune (Luật Tổ chức chính quyền địa phương số 72/2025/QH15, in force 01/07/2025; the
 * district police were dissolved from 01/03/2025). The 2025 decrees dividing authority between
 * the two levels hand most district tasks to the commune level and some to the province, case by
 * case. A district body is therefore shown as its commune-level counterpart and always with the
 * note below, which tells the citizen to check at the commune's one-stop desk, never as a
 * district office to go to.
 */
const DISTRICT_BODIES: [RegExp, string][] = [
  [
    /(Ủy ban nhân dân|UBND|Chủ tịch Ủy ban nhân dân|Chủ tịch UBND) (?:cấp huyện|huyện|quận|thị xã)(?!\p{L})/gu,
    '$1 cấp xã',
  ],
  [/(Công an|Phòng [\p{L} ,]{2,60}?|Bộ phận [\p{L} ]{2,40}?) cấp huyện/gu, '$1 cấp xã'],
  [/(Công an) (?:huyện|quận|thị xã)(?!\p{L})/gu, '$1 cấp xã'],
  [/\bcấp huyện\b/gu, 'cấp xã'],
]

/** Words that name a district-level body or level in record text. */
export const DISTRICT_MENTION = /cấp huyện|(?:UBND|Ủy ban nhân dân|Công an) (?:huyện|quận|thị xã)(?!\p{L})/iu

export const DISTRICT_NOTE =
  'Từ 01/07/2025 không còn cấp huyện; việc hồ sơ gốc giao cho cấp huyện nay do cấp xã ' +
  '(một số việc do cấp tỉnh) thực hiện. Hãy hỏi Bộ phận Một cửa cấp xã trước khi đi.'

/** @returns the text with district-level bodies replaced by today's level, and whether any was */
export const currentBody = (text: string): { text: string; changed: boolean } => {
  let out = text
  for (const [pattern, replacement] of DISTRICT_BODIES) out = out.replace(pattern, replacement)
  return { text: out, changed: out !== text }
}

// "Nộp hồ sơ cho Ủy ban nhân dân cấp xã", "nộp hồ sơ tại Bộ phận Một cửa …", "gửi hồ sơ đến cơ quan đăng ký cư trú"
const SUBMIT =
  /\b(?:nộp|gửi|tiếp nhận)(?: trực tiếp)?(?: (?:01 )?(?:bộ )?hồ sơ[^.;:]{0,60}?)? (?:tại|cho|đến|về) ((?:trụ sở |Bộ phận |Trung tâm |cơ quan |Ủy ban |UBND |Công an |Sở |Phòng |Cục |Chi cục |Văn phòng |Tòa án |Cơ quan |Ban |Bảo hiểm )[^.;:()]{2,140})/iu

/**
 * Where the body's name ends in a step's sentence: a purpose, a manner, a deadline, a condition
 * or a second duty goes on after it ("… có thẩm quyền nộp lệ phí nếu …", "… cấp xã thì các bên
 * … phải ký", "… chậm nhất là 03 ngày làm việc trước …", "… bằng hình thức trực tiếp", "… hoặc
 * hồ sơ được gửi qua đường bưu chính"). Words end at a letter boundary, not `\b`, which
 * ignores letters with marks ("để").
 */
const CLAUSE_AFTER_BODY = new RegExp(
  `\\s+(?:${[
    'để',
    'và nhận',
    'theo quy định',
    'hoặc qua',
    'hoặc thông qua',
    'hoặc nộp',
    'hoặc hồ sơ',
    'có trách nhiệm',
    'kiểm tra',
    // not in a place's description ("… cấp xã nơi tổ chức, cá nhân thực hiện sản xuất")
    '(?<!nơi [\\p{L} ,]{0,40})thực hiện',
    'xem xét',
    'nộp lệ phí',
    'nộp phí',
    'thì',
    'chậm nhất',
    'trước ngày',
    'trước khi',
    'trong thời hạn',
    'bằng hình thức',
    'theo hình thức',
    'cùng với',
  ].join('|')})(?!\\p{L}).*$`,
  'u',
)

/** A body or place a file is handed to ("tại trụ sở Cục …", "đến Bộ phận Một cửa", "Tại TTPVHCC"). */
const HANDED_TO =
  /(?:^|[\s(])(?:tại|về|đến|cho|qua)\s+(?:(?:tại|bất kỳ|các)\s+)*(?:trụ sở|Bộ phận|BPMC|Bộ(?! trưởng)|Tổng cục|đơn vị|Trung tâm|TTPVHCC|cơ quan|Ủy ban|UBND|Công an|Sở|Phòng|Cục|Chi cục|Văn phòng|Tòa án|Ban|Bảo hiểm|Thuế|địa điểm|người đứng đầu|Giám đốc|Chủ tịch)(?!\p{L})/iu

/** A time limit or an unmet condition within a sentence ("trong thời hạn tối đa 90 ngày", "không đạt yêu cầu"). */
export const OTHER_MATTER = /(?:thời hạn|thời gian)(?: tối đa)? \d|không (?:đáp ứng|đạt|đủ điều kiện)/iu

/** A sentence about a time limit ("Thời hạn …", "Trong thời hạn 04 ngày làm việc …", "16 ngày làm việc …"). */
export const TIME_LIMIT =
  /^(?:[-+*•]\s*)?(?:Thời hạn|Thời gian|Trong (?:thời hạn|thời gian|vòng)|Không quá|\d+ ngày)(?!\p{L})/iu

/**
 * Whether a sentence of a channel's description tells where or when a file is handed in, not a
 * time limit, a fee exemption or a reference ("hướng dẫn tại Điều 6"): it names a body or place
 * the file goes to, or the reception hours ("Thời gian tiếp nhận hồ sơ: Giờ hành chính …").
 */
export const saysWhereToSubmit = (sentence: string): boolean =>
  /^Thời gian tiếp nhận(?!\p{L})/iu.test(sentence) ||
  (!TIME_LIMIT.test(sentence) && !OTHER_MATTER.test(sentence) && HANDED_TO.test(sentence))

/** The body the steps or channel descriptions say to submit to, if any. */
export const submitToFromText = (texts: string[]): string | null => {
  for (const text of texts) {
    for (const sentence of splitSentences(text)) {
      const found = SUBMIT.exec(sentence)?.[1]
      if (found) {
        const body = found.replace(CLAUSE_AFTER_BODY, '').trim()
        return body.charAt(0).toLocaleUpperCase('vi') + body.slice(1)
      }
    }
  }
  return null
}

export type Where = {
  /** The body to submit to, in today's terms; null when the record names none anywhere. */
  agency: string | null
  /** Where the agency came from, when not the agency fields. */
  from: 'agency' | 'competent' | 'steps' | null
  address: string | null
  /** The record names a district-level body somewhere in where-to-submit. */
  district: boolean
}

/** A name ends without the record's closing punctuation: the reply puts its own after it. */
const withoutEnd = (text: string | null): string | null => text?.replace(/[\s.;,:]+$/u, '') || null

export const describeWhere = (p: Procedure): Where => {
  const executing = withoutEnd(p.executingAgency)
  const stated = executing ?? withoutEnd(p.competentAgency)
  const from: Where['from'] = executing ? 'agency' : stated ? 'competent' : null
  const found =
    stated ??
    submitToFromText([...p.steps, ...p.channels.filter((c) => c.kind === 'direct').map((c) => c.note ?? '')])
  // "Trung tâm Phục vụ hành chính công" from the steps says no level: the record's level does.
  const level = p.levels.length === 1 && p.levels[0] ? p.levels[0].toLocaleLowerCase('vi') : null
  const named = found && !stated && level && !/\bcấp\b/iu.test(found) ? `${found} (${level})` : found
  const agency = named ? currentBody(named) : null
  const address = p.address ? currentBody(p.address) : null
  return {
    agency: agency?.text ?? null,
    from: from ?? (found ? 'steps' : null),
    address: address?.text ?? null,
    district: Boolean(agency?.changed || address?.changed),
  }
}
