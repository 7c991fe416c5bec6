/**
 * Parses the portal's flattened "Cách thức thực hiện" table (channel, processing time,
 * fee, description glued into one string) into channels.
 * @module
 */

import { cleanText, type Parsed, type ParseWarning, PLACEHOLDER } from './parse-text.ts'
import type { ProcedureChannel } from './procedure.types.ts'

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả'

const KINDS = {
  'Trực tiếp': 'direct',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
} as const satisfies Record<string, ProcedureChannel['kind']>

type Label = keyof typeof KINDS

// A row starts with a channel label glued to a duration (or to the placeholder);
// labels inside descriptions ("Trực tuyến: nộp hồ sơ…") are not followed by one.
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không)/g
const DURATION =
  /^(?:Không có thông tin|(\d+(?:[.,]\d{1,2}(?!\d))?)(?: ?(Ngày làm việc|Ngày|Giờ|Tháng|Năm|Tuần|Phút))?|(Không[^\d(]*?)(?=Miễn phí|Không có thông tin|\d))/
const AMOUNT = /^(\d{1,3}(?:[.,]\d{3})+|\d+) ?(Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)/
const FREE = /^Miễn phí/
// Some rows lose the amount and keep only the currency, with the amount inside the detail.
const CURRENCY_ONLY = /^(Việt Nam Đồng|VNĐ|VND)/
const AMOUNT_IN_DETAIL = /(\d{1,3}(?:\.\d{3})+) ?(?:đồng|vnđ|VNĐ|Đồng|đ|Đ)/
// "Mức lệ phí … do Hội đồng nhân dân tỉnh quyết định": the fee is set by each province
const SET_LOCALLY = /Hội đồng nhân dân|HĐND/
// "Thực hiện theo Thông tư số 244/2016/TT-BTC … quy định mức thu, chế độ thu, nộp … phí cung cấp
// thông tin lý lịch tư pháp", "Theo quy định của Luật phí và lệ phí …", "Giá dịch vụ kiểm tra … theo
// quy định tại Thông tư số 239/2016/TT-BTC", "do Ủy ban nhân dân cấp tỉnh quy định": the detail points
// to the regulation or the body that sets the fee
const SET_BY_REGULATION = new RegExp(
  [
    'mức (?:thu|phí)',
    'biểu (?:mức )?(?:thu )?(?:phí|lệ phí)',
    '(?:luật|pháp luật về) phí(?:,| và) lệ phí',
    'giá dịch vụ',
    '(?:theo|tại) (?:quy định (?:của|tại) )?Thông tư (?:số )?\\d',
    'theo quy định tại Thông tư của',
    'phí [^()]{0,40}(?:kèm|ban hành) theo Thông tư',
    'Ủy ban nhân dân cấp tỉnh quy định',
  ].join('|'),
  'iu',
)
// … unless it says who is exempt, that nothing is charged, or that the fee is for an extra copy "nếu có yêu cầu"
const EXEMPTION = /miễn|không thu|nếu có yêu cầu/iu

/** @returns the index just past the parenthesised group starting at `start`, or -1 when unbalanced */
const closingParen = (text: string, start: number): number => {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return i + 1
  }
  return -1
}

/**
 * A detail wrapped twice ("((Miễn lệ phí. …))", as some rows of the export are) says what the rows
 * wrapped once say: one pair of brackets is kept.
 * @example unwrapDoubled('((Miễn lệ phí.))') // '(Miễn lệ phí.)'
 */
const unwrapDoubled = (detail: string): string => {
  let d = detail
  while (d.startsWith('((') && d.endsWith('))') && closingParen(d, 1) === d.length - 1) d = d.slice(1, -1)
  return d
}

/** @example parseVnd('70,000') // 70000 */
export const parseVnd = (amount: string): number => Number(amount.replace(/[.,]/g, ''))

type FeePart = {
  feeText: string | null
  feeVnd: number | null
  rest: string
  recognised: boolean
  /** "Miễn phí (… 135.000 đồng/lần …)", "135 VNĐ (135.000 đồng)": column and detail disagree */
  contradicts?: 'amount' | 'local' | 'regulated'
}

/**
 * A fee whose column and detail disagree: the column says "Miễn phí" or an amount (often with
 * its thousands lost: "135 VNĐ"), while the detail in brackets names amounts in đồng none of
 * which is the column's (`amount`), says the provincial council sets the fee (`local`), or
 * points to the regulation that sets it without naming an exemption (`regulated`).
 * Then neither can be taken as the fee.
 * @returns the column's words, the detail and why, or null when they agree (or there is no detail)
 */
export const contradictoryFee = (
  feeText: string,
): { column: string; detail: string; reason: 'amount' | 'local' | 'regulated' } | null => {
  const open = feeText.indexOf('(')
  if (open <= 0) return null
  const column = feeText.slice(0, open).trim()
  const detail = feeText
    .slice(open + 1)
    .replace(/\)\s*$/, '')
    .trim()
  const free = FREE.test(column)
  if (!AMOUNT_IN_DETAIL.test(detail)) {
    if (!free) return null
    if (SET_LOCALLY.test(detail)) return { column, detail, reason: 'local' }
    return SET_BY_REGULATION.test(detail) && !EXEMPTION.test(detail)
      ? { column, detail, reason: 'regulated' }
      : null
  }
  // the detail names a sum in đồng; then any figure in it ("+ 160.000/hộ chiếu") may be the column's
  if (free) return { column, detail, reason: 'amount' }
  const amount = AMOUNT.exec(column)
  if (!amount || amount[2] === 'USD') return null
  const figures = [...detail.matchAll(/\d{1,3}(?:[.,]\d{3})+/g)].map((m) => parseVnd(m[0]))
  return figures.includes(parseVnd(amount[1] ?? '')) ? null : { column, detail, reason: 'amount' }
}

/** Reads the fee column: a free marker or one or more amounts, each with an optional "(…)" detail. */
const readFee = (text: string): FeePart => {
  if (text.startsWith(PLACEHOLDER))
    return { feeText: null, feeVnd: null, rest: text.slice(PLACEHOLDER.length), recognised: true }
  const parts: string[] = []
  let feeVnd: number | null = null
  let rest = text
  for (;;) {
    const free = parts.length === 0 ? FREE.exec(rest) : null
    const amount = free ? null : AMOUNT.exec(rest)
    const currency = free || amount || parts.length > 0 ? null : CURRENCY_ONLY.exec(rest)
    const head = free ?? amount ?? currency
    if (!head) break
    if (parts.length === 0 && (free || amount?.[2] !== 'USD')) feeVnd = free ? 0 : parseVnd(amount?.[1] ?? '')
    let part = head[0]
    rest = rest.slice(head[0].length)
    if (rest.startsWith('(')) {
      const end = closingParen(rest, 0)
      const detail = end === -1 ? rest : rest.slice(0, end)
      part += ` ${unwrapDoubled(detail)}`
      rest = end === -1 ? '' : rest.slice(end)
    }
    if (currency) feeVnd = ((found) => (found?.[1] ? parseVnd(found[1]) : null))(AMOUNT_IN_DETAIL.exec(part))
    parts.push(cleanText(part))
    if (free) break
  }
  if (parts.length === 0) return { feeText: null, feeVnd: null, rest: text, recognised: false }
  const feeText = parts.join('; ')
  // Neither the column nor the detail can be taken as the fee: it stays unknown, the text says both.
  const disagree = feeVnd !== null && parts.length === 1 ? contradictoryFee(feeText) : null
  if (disagree) return { feeText, feeVnd: null, rest, recognised: true, contradicts: disagree.reason }
  return { feeText, feeVnd, rest, recognised: true }
}

const orNull = (text: string): string | null => {
  const cleaned = cleanText(text)
  return cleaned === '' || cleaned === PLACEHOLDER ? null : cleaned
}

const parseRow = (label: Label, text: string, warnings: ParseWarning[]): ProcedureChannel => {
  const duration = DURATION.exec(text)
  let rest = text.slice(duration?.[0].length ?? 0)
  const count = duration?.[1]
  const unit = duration?.[2]
  // "Trực tuyến1100 VNĐ": a unitless time glued to an amount cannot be split reliably.
  if (count && !unit && /^(?:[.,]\d{3})*\s*(VNĐ|VND|Việt Nam Đồng)/.test(rest)) {
    const fee = readFee(`${count}${rest}`)
    warnings.push({
      code: 'CHANNEL_AMBIGUOUS',
      message: `${label}: không tách được thời gian và phí ở "${count}${rest.slice(0, 8)}"`,
    })
    return {
      kind: KINDS[label],
      label,
      durationText: null,
      workingDays: null,
      feeText: fee.feeText,
      feeVnd: null,
      note: orNull(fee.rest),
    }
  }
  const durationText = count
    ? cleanText(`${count} ${unit ?? ''}`)
    : duration?.[3]
      ? cleanText(duration[3])
      : null
  const workingDays = count && unit === 'Ngày làm việc' ? Number(count.replace(',', '.')) : null
  if (count && !unit) {
    warnings.push({
      code: 'DURATION_UNIT_MISSING',
      message: `${label}: thời gian "${count}" không có đơn vị`,
    })
  }
  const fee = readFee(rest.trimStart())
  rest = fee.rest
  if (fee.contradicts) {
    const free = FREE.test(fee.feeText ?? '')
    const code =
      fee.contradicts === 'local'
        ? 'FEE_SET_LOCALLY'
        : fee.contradicts === 'regulated'
          ? 'FEE_SET_BY_REGULATION'
          : free
            ? 'FEE_FREE_WITH_AMOUNT'
            : 'FEE_AMOUNT_MISMATCH'
    const what = {
      FEE_SET_LOCALLY: 'ghi "Miễn phí" nhưng mô tả nói mức thu do HĐND cấp tỉnh quy định',
      FEE_SET_BY_REGULATION: 'ghi "Miễn phí" nhưng mô tả dẫn văn bản quy định mức thu',
      FEE_FREE_WITH_AMOUNT: 'ghi "Miễn phí" nhưng mô tả nêu mức thu',
      FEE_AMOUNT_MISMATCH: 'và mô tả ghi hai mức khác nhau',
    }[code]
    warnings.push({
      code,
      message: `${label}: cột phí ${what} (${cleanText(fee.feeText ?? '').slice(0, 60)})`,
    })
  } else if (!fee.recognised) {
    warnings.push({
      code: 'FEE_UNPARSED',
      message: `${label}: không đọc được phí, lệ phí ở "${cleanText(rest).slice(0, 60)}"`,
    })
  } else if (fee.feeText !== null && fee.feeVnd === null) {
    const foreign = /^\d[\d.,]* ?USD/.test(fee.feeText)
    warnings.push({
      code: foreign ? 'FEE_NOT_VND' : 'FEE_WITHOUT_AMOUNT',
      message: `${label}: phí "${fee.feeText.slice(0, 60)}" ${foreign ? 'không tính bằng đồng' : 'không có số tiền'}`,
    })
  }
  return {
    kind: KINDS[label],
    label,
    durationText,
    workingDays,
    feeText: fee.feeText,
    feeVnd: fee.feeVnd,
    note: orNull(rest),
  }
}

/**
 * @param raw the record's `cach_thuc_thuc_hien`
 * @returns one channel per table row, with warnings for rows or columns that could not be read
 * @example parseChannels('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phí').value[0]?.feeVnd // 0
 */
export const parseChannels = (raw: string | null | undefined): Parsed<ProcedureChannel[]> => {
  const text = (raw ?? '').normalize('NFC').trim()
  const warnings: ParseWarning[] = []
  if (text === '' || text === PLACEHOLDER) return { value: [], warnings }
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text
  const starts = [...body.matchAll(ROW_START)]
  const leading = cleanText(body.slice(0, starts[0]?.index ?? body.length))
  if (leading !== '') {
    warnings.push({
      code: 'CHANNEL_UNPARSED',
      message: `không đọc được hàng cách thức "${leading.slice(0, 60)}"`,
    })
  }
  const value = starts.map((start, i) => {
    const from = (start.index ?? 0) + (start[1]?.length ?? 0)
    const to = starts[i + 1]?.index ?? body.length
    return parseRow(start[1] as Label, body.slice(from, to), warnings)
  })
  return { value, warnings }
}
