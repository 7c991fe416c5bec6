/**
 * Fees and processing times as the record states them, per channel and per case: rows that
 * say the same are merged (the portal repeats one row per channel, sometimes twice), each
 * case keeps its label ("Tại Ủy ban nhân dân cấp xã: 10.000 đồng/trường hợp"; "Tại cơ quan
 * đại diện: 10 USD/bản"), a time row whose case the record does not explain is left out
 * when other times exist, and a reduced-fee period that has ended is marked as ended.
 * @module
 */
import { contradictoryFee } from '../procedures/parse-channels.ts'
import type { Procedure, ProcedureChannel } from '../procedures/procedure.types.ts'
import { splitSentences } from './clip-sentences.ts'

/** One merged row: who it applies to (channels, case) and what the record says. */
export type FactRow = { channels: string[]; label: string | null; value: string; notes: string[] }

const DATE = String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})`
// "Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025", "từ 01/7/2025 đến ngày 31/12/2026"
const PERIOD = new RegExp(`từ (?:ngày )?${DATE} đến (?:hết )?(?:ngày )?${DATE}`, 'iu')

// A rate given with its end only: "320.000đ/hộ chiếu (áp dụng đến hết ngày 31/12/2023 theo Thông tư …)"
const UNTIL = new RegExp(`áp dụng (?:mức phí [^()]{0,40} )?đến (?:hết )?(?:ngày )?${DATE}`, 'iu')

const isoOf = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`

/** The last day of the period a sentence states, as [day, month, year], when it states one. */
const periodEnd = (sentence: string): [string, string, string] | null => {
  const period = PERIOD.exec(sentence)
  if (period) return [period[4] ?? '', period[5] ?? '', period[6] ?? '']
  const until = UNTIL.exec(sentence)
  return until ? [until[1] ?? '', until[2] ?? '', until[3] ?? ''] : null
}

/** The last day (dd/mm/yyyy) of a period the sentence states, when it ended before `today`. */
const endedOn = (sentence: string, today: string): string | null => {
  const end = periodEnd(sentence)
  if (!end || isoOf(...end) >= today) return null
  const [d, m, y] = end
  return `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}`
}

/**
 * Marks a sentence about a period that ended before `today` (YYYY-MM-DD). A sentence ends with
 * a full stop after the mark; a bare amount ("320.000đ/hộ chiếu (áp dụng đến hết …)") gets none.
 */
export const markEndedPeriod = (sentence: string, today: string): string => {
  const ended = endedOn(sentence, today)
  if (!ended) return sentence
  const stop = /[.;]\s*$/.test(sentence) || !/\)\s*$/.test(sentence) ? '.' : ''
  return `${sentence.replace(/[.;]\s*$/, '')} (đã hết áp dụng sau ngày ${ended})${stop}`
}

/** A detail that opens by dating the column's own amount. */
const CAPTION = /^mức (?:phí|thu|lệ phí) (?:kể )?từ /iu

/** The numbers a text states, without their thousands marks ("160.000/hộ chiếu" → 160000). */
const numbersIn = (text: string) => (text.match(/\d[\d.,]*\d|\d/gu) ?? []).map((n) => n.replace(/[.,]/g, ''))

const formatThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')

/** "70,000 Việt Nam Đồng" → "70.000 đồng"; "10 USD" stays. */
const formatAmount = (column: string): string =>
  column
    .replace(
      /^(\d{1,3}(?:[.,]\d{3})+|\d+) ?(?:Việt Nam Đồng|VNĐ|VND|Đồng|đồng)(?!\p{L})/u,
      (_, n: string) => `${formatThousands(n.replace(/[.,]/g, ''))} đồng`,
    )
    .trim()

/** "Tại cơ quan đại diện: 10 USD/bản." → label and value, when the value is an amount or "Miễn phí". */
const labelled = (sentence: string): { label: string; value: string } | null => {
  const m = /^(?:[-+•*]\s*)?([^:]{3,160}?):\s*((?:\d|miễn|không thu).*)$/iu.exec(sentence.trim())
  // "+ 160.000/hộ chiếu, trường hợp cấp lại …: 320.000đ": an amount opens it, so it is no case
  if (!m?.[1] || !m[2] || /^\d/u.test(m[1])) return null
  return { label: m[1].trim(), value: m[2].trim().replace(/[.;]\s*$/, '') }
}

/** A detail that only says there is nothing to add ("Miễn phí (Không)"). */
const NOTHING = /^(?:không|không có|không thu|không có thông tin)[.;]?$/iu

type FeeOfChannel = { label: string | null; value: string; notes: string[] }

/** Reads one channel's fee: its amount, the case it applies to, and the notes that qualify it. */
const feeOfChannel = (c: ProcedureChannel, today: string): FeeOfChannel | null => {
  if (!c.feeText) return null
  const disagree = contradictoryFee(c.feeText)
  const open = c.feeText.indexOf('(')
  const column = (open > 0 ? c.feeText.slice(0, open) : c.feeText).trim()
  const detail =
    open > 0
      ? c.feeText
          .slice(open + 1)
          .replace(/\)\s*$/, '')
          .trim()
      : ''
  // "(/trường hợp)", "(đồng/lần (Khảo nghiệm diện rộng và diện hẹp))", "(/Lần. Giá trị giao dịch …)":
  // the detail starts with the amount's unit, sometimes with its case in brackets after it.
  const unitAt = /^(?:đồng|VNĐ|VND)?\s*(\/[^().;\n]{1,40}?)\s*(?=$|[(.;\n])/iu.exec(detail)
  const unit = unitAt?.[1]?.trim() ?? ''
  const afterUnit = unitAt ? detail.slice(unitAt[0].length).replace(/^[.;\s]+/u, '') : detail
  const unitCase = unitAt && /^\([^()]{3,120}\)$/u.test(afterUnit) ? ` ${afterUnit}` : ''
  const sentences = afterUnit && !unitCase ? splitSentences(afterUnit) : []
  let label: string | null = null
  let value = `${formatAmount(column)}${unit}${unitCase}`
  const notes: string[] = []
  for (const sentence of sentences) {
    const named: { label: string; value: string } | null =
      label === null && notes.length === 0 ? labelled(sentence) : null
    if (named) {
      label = named.label
      value = markEndedPeriod(named.value, today)
    } else if (!NOTHING.test(sentence))
      notes.push(markEndedPeriod(sentence.replace(/^[-+•*]\s*/u, ''), today))
  }
  // The portal's column still shows a rate whose period the detail says has ended: the detail
  // names the column's amount, or is its caption ("Mức phí kể từ ngày 01/7/2024 đến hết ngày 31/12/2024 …").
  const columnAmount = numbersIn(column)[0]
  const lastDay =
    label === null
      ? sentences
          .filter((s) => (columnAmount && numbersIn(s).includes(columnAmount)) || CAPTION.test(s))
          .map((s) => endedOn(s, today))
          .find(Boolean)
      : null
  if (lastDay)
    value = `${value} (mức này chỉ áp dụng đến hết ngày ${lastDay}; hãy hỏi nơi nộp hồ sơ mức hiện nay)`
  // The case is often in the channel's description: "Tại Ủy ban nhân dân cấp xã, …: 10.000 đồng/trường hợp".
  if (!label && c.note) {
    const amount = /^[\d.,]+/.exec(value)?.[0]?.replace(/[.,]/g, '')
    for (const sentence of splitSentences(c.note)) {
      const named = labelled(sentence)
      if (named && amount && named.value.replace(/[.,]/g, '').includes(amount)) {
        label = named.label
        break
      }
    }
  }
  if (disagree) {
    const why = {
      local: `cột phí trên Cổng ghi “${disagree.column}”, nhưng mô tả cho biết mức thu do Hội đồng nhân dân cấp tỉnh quy định; hãy hỏi nơi nộp hồ sơ hoặc xem trang chính thức`,
      regulated: `cột phí trên Cổng ghi “${disagree.column}”, nhưng mô tả dẫn văn bản quy định mức thu; hãy hỏi nơi nộp hồ sơ hoặc xem trang chính thức`,
      amount: `cột phí trên Cổng ghi “${disagree.column}”, khác mức thu trong mô tả này; hãy đối chiếu trang chính thức`,
    }[disagree.reason]
    // The column cannot be taken as the fee: the detail's own words come first.
    if (!sentences.some((s) => labelled(s))) {
      const [first = disagree.detail, ...rest] = sentences
      return {
        label,
        value: `${first.replace(/[.;]\s*$/u, '')} (lưu ý: ${why})`,
        notes: rest.map((s) => markEndedPeriod(s, today)),
      }
    }
    return { label, value: `${value} (lưu ý: ${why})`, notes }
  }
  return { label, value, notes }
}

/** Channel labels once each, in the record's order ("Trực tiếp, Trực tiếp" never appears). */
const addChannel = (channels: string[], label: string) => {
  if (!channels.includes(label)) channels.push(label)
}

const merge = (
  rows: { channel: string; label: string | null; value: string; notes: string[] }[],
): FactRow[] => {
  const merged = new Map<string, FactRow>()
  for (const row of rows) {
    const key = `${row.label ?? ''}\u0000${row.value}\u0000${row.notes.join(' ')}`
    const found = merged.get(key)
    if (found) addChannel(found.channels, row.channel)
    else merged.set(key, { channels: [row.channel], label: row.label, value: row.value, notes: row.notes })
  }
  return [...merged.values()]
}

/**
 * Rows read without their notes (an overview shows none): those that then say the same are one
 * ("Miễn phí (Trực tuyến, Trực tiếp)" and "Miễn phí (Dịch vụ bưu chính)").
 */
export const mergeAmounts = (rows: readonly FactRow[]): FactRow[] =>
  merge(
    rows.flatMap((r) =>
      r.channels.map((channel) => ({ channel, label: r.label, value: r.value, notes: [] })),
    ),
  )

/**
 * @param today YYYY-MM-DD; periods that ended before it are marked as ended
 * @returns the fee rows, merged; empty when the record states no fee
 */
export const describeFees = (p: Procedure, today: string): FactRow[] =>
  merge(
    p.channels.flatMap((c) => {
      const fee = feeOfChannel(c, today)
      return fee ? [{ channel: c.label, ...fee }] : []
    }),
  )

const durationValue = (c: ProcedureChannel): string | null => {
  if (!c.durationText) return null
  const t = c.durationText.replace(/\s+/g, ' ').trim()
  // The export sometimes loses the unit ("1"); say so rather than guess days or hours.
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return `${t} (hồ sơ gốc không ghi đơn vị thời gian)`
  return t.replace(/Ngày làm việc/u, 'ngày làm việc').replace(/\bNgày\b/u, 'ngày')
}

/** The case a time row applies to, when its description says so ("… đối với các trường hợp …", "Công an cấp tỉnh: 10 ngày"). */
const durationCase = (c: ProcedureChannel): string | null => {
  if (!c.note || !c.durationText) return null
  const count = Number.parseFloat(c.durationText.replace(',', '.'))
  if (!Number.isFinite(count)) return null
  for (const sentence of splitSentences(c.note)) {
    const mentions = [...sentence.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:ngày|giờ|tháng)/giu)].some(
      (m) => Number.parseFloat((m[1] ?? '').replace(',', '.')) === count,
    )
    if (!mentions) continue
    // "… đối với các trường hợp quy định tại khoản 4 …" → "trường hợp quy định tại khoản 4 …"
    const clause = /\b(trường hợp [^.;]*)/iu.exec(sentence)?.[1]
    // "trường hợp phức tạp thì có thể kéo dài …": the case is what comes before "thì".
    if (clause) return clause.replace(/\s+thì\s.*$/u, '').trim()
    const named = /^(?:[-+•*]\s*)?([^:]{3,100}):\s*\d/u.exec(sentence)?.[1]
    if (named) return named.trim()
  }
  return null
}

/**
 * Processing times, merged. When the record gives different times without saying which case
 * each is for, only the first (the record's general time) is kept and `unexplained` is true.
 */
export const describeDurations = (p: Procedure): { rows: FactRow[]; unexplained: boolean } => {
  const rows = merge(
    p.channels.flatMap((c) => {
      const value = durationValue(c)
      return value ? [{ channel: c.label, label: null as string | null, value, notes: [] }] : []
    }),
  )
  if (new Set(rows.map((r) => r.value)).size <= 1) return { rows, unexplained: false }
  // Several times: each needs its case.
  const withCase = merge(
    p.channels.flatMap((c) => {
      const value = durationValue(c)
      return value ? [{ channel: c.label, label: durationCase(c), value, notes: [] }] : []
    }),
  )
  const general = withCase.filter((r) => r.label === null)
  const firstGeneral = general[0]
  const kept = withCase.filter((r) => r.label !== null || r === firstGeneral)
  return { rows: kept, unexplained: general.length > 1 }
}

/** The case label, then the value, then "(Trực tiếp, Trực tuyến)" only when the channels differ. */
export const formatFactRow = (row: FactRow, allChannels: readonly string[]): string => {
  const everyChannel = allChannels.every((c) => row.channels.includes(c))
  const text = row.label ? `${row.label}: ${row.value}` : row.value
  return everyChannel ? text : `${text} (${row.channels.join(', ')})`
}
