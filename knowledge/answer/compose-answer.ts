/**
 * Writes the short Vietnamese answer from one stored procedure record: what was asked
 * first (the fee, the documents …), then the procedure's name and code, where to submit,
 * whether it can be done online, the legal basis, the source and date, and the official
 * link. Every fact comes from the record; where the record is silent the answer says so
 * and points to the official page, and never fills in a fee or a deadline of its own. A
 * note about the place the question names (written by knowledge/places from the units
 * file), if any, follows where to submit.
 * @module
 */
import { contradictoryFee } from '../procedures/parse-channels.ts'
import type { Procedure, ProcedureChannel, ProcedureDocument } from '../procedures/procedure.types.ts'
import type { Facet } from './answer.types.ts'

export type ComposeAnswerOptions = {
  procedure: Procedure
  facet: Facet
  /** Other procedures worth naming (level variants, close matches). */
  alternatives?: { code: string; name: string }[]
  /** One line about the place the question names (see knowledge/places), put after where to submit. */
  placeNote?: string | null
}

const MAX_DOCUMENTS = 10
const MAX_NOTES = 2
const MAX_STEPS = 6
const MAX_TEXT = 420

const clip = (text: string, max = MAX_TEXT): string => {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  const cut = t.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))} …`
}

const missing = (what: string) => `Hồ sơ gốc không ghi ${what}, xem trang chính thức.`

const formatDate = (iso: string): string => {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/** Channels that share the same value are listed once ("Trực tiếp, Trực tuyến: …"). */
const byValue = (channels: ProcedureChannel[], value: (c: ProcedureChannel) => string | null): string[] => {
  const groups = new Map<string, string[]>()
  for (const c of channels) {
    const v = value(c)
    if (!v) continue
    const labels = groups.get(v) ?? []
    labels.push(c.label)
    groups.set(v, labels)
  }
  return [...groups].map(([v, labels]) => `- ${labels.join(', ')}: ${v}`)
}

const durationOf = (c: ProcedureChannel): string | null => {
  if (!c.durationText) return null
  const t = clip(c.durationText, 200)
  // The export sometimes loses the unit ("1"); say so rather than guess days or hours.
  return /^\d+$/.test(t) ? `${t} (hồ sơ gốc không ghi đơn vị thời gian)` : t
}

/**
 * The fee as the record states it. When the portal's fee column and its own detail disagree
 * ("Miễn phí" or "135 VNĐ" above "135.000 đồng/lần", or "Miễn phí" above "do Hội đồng nhân
 * dân tỉnh quyết định"), the detail comes first and the answer says the record contradicts
 * itself rather than promising "free" or a wrong amount.
 */
const feeOf = (c: ProcedureChannel, max?: number): string | null => {
  if (!c.feeText) return null
  const disagree = contradictoryFee(c.feeText)
  if (!disagree) return clip(c.feeText, max)
  const note =
    disagree.reason === 'local'
      ? `cột phí trên Cổng ghi “${disagree.column}”, nhưng mô tả cho biết mức thu do Hội đồng nhân dân cấp tỉnh quy định; hãy hỏi nơi nộp hồ sơ hoặc xem trang chính thức`
      : `cột phí trên Cổng ghi “${disagree.column}”, khác mức thu trong mô tả này; hãy đối chiếu trang chính thức`
  return `${clip(disagree.detail, max)} (lưu ý: ${note})`
}

const feesSection = (p: Procedure): string[] => {
  const lines = byValue(p.channels, (c) => feeOf(c))
  if (!lines.length) return [`Lệ phí: ${missing('lệ phí')}`]
  return ['Lệ phí:', ...lines]
}

const durationSection = (p: Procedure): string[] => {
  const lines = byValue(p.channels, durationOf)
  if (!lines.length) return [`Thời hạn giải quyết: ${missing('thời hạn giải quyết')}`]
  return ['Thời hạn giải quyết:', ...lines]
}

/** Lines with no copies to hand in ("0 bản chính") are the portal's notes, not documents. */
const isNote = (d: ProcedureDocument) => /^0\b/.test(d.copies ?? '') || /lưu ý/i.test(d.group ?? '')

/** What to hand in first, then what to show, then notes; the record's order within each. */
const documentRank = (d: ProcedureDocument): number => {
  if (isNote(d)) return 3
  if (/nộp/i.test(d.group ?? '') || !d.group) return 0
  if (/xuất trình/i.test(d.group ?? '')) return 1
  return 2
}

/** "Trường hợp trẻ em bị bỏ rơi thì…", "Nếu…": needed only in some cases, listed after what everyone brings. */
const isConditional = (d: ProcedureDocument): boolean =>
  /^(?:[-+•]\s*)?(?:trường hợp|nếu|đối với trường hợp)\b/i.test(d.name.trim())

const documentsSection = (p: Procedure): string[] => {
  if (!p.documents.length) return [`Thành phần hồ sơ: ${missing('thành phần hồ sơ')}`]
  const out = ['Thành phần hồ sơ:']
  const ordered = p.documents
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        documentRank(a.d) - documentRank(b.d) ||
        Number(isConditional(a.d)) - Number(isConditional(b.d)) ||
        a.i - b.i,
    )
    .map(({ d }) => d)
  const shown = [
    ...ordered.filter((d) => !isNote(d)).slice(0, MAX_DOCUMENTS),
    ...ordered.filter(isNote).slice(0, MAX_NOTES),
  ]
  let group: string | null = null
  for (const d of shown) {
    const heading = isNote(d) ? 'Lưu ý' : d.group
    if (heading && heading !== group) {
      group = heading
      out.push(`${heading}:`)
    }
    const copies = d.copies && !isNote(d) ? d.copies : null
    const extra = [copies, d.template ? `mẫu: ${d.template}` : null].filter(Boolean).join('; ')
    out.push(`- ${clip(d.name, 240)}${extra ? ` (${extra})` : ''}`)
  }
  if (p.documents.length > shown.length) {
    out.push('… còn các mục khác, xem đủ ở trang chính thức.')
  }
  return out
}

const whereLines = (p: Procedure): string[] => {
  const out: string[] = []
  if (p.executingAgency) out.push(`Cơ quan thực hiện: ${p.executingAgency}`)
  if (p.address) out.push(`Địa chỉ tiếp nhận: ${clip(p.address, 300)}`)
  if (!p.executingAgency && p.competentAgency) out.push(`Cơ quan có thẩm quyền: ${p.competentAgency}`)
  if (p.levels.length) out.push(`Cấp thực hiện: ${p.levels.join(', ')}`)
  return out
}

const whereSection = (p: Procedure): string[] => {
  const lines = whereLines(p)
  const direct = p.channels.find((c) => c.kind === 'direct' && c.note)
  if (direct?.note) lines.push(`Ghi chú nộp trực tiếp: ${clip(direct.note, 300)}`)
  if (!p.executingAgency && !p.address && !p.competentAgency) {
    lines.unshift(`Nơi nộp: ${missing('cơ quan tiếp nhận')}`)
  }
  return lines
}

const onlineLine = (p: Procedure): string => {
  const online = p.channels.find((c) => c.kind === 'online')
  if (online) return 'Nộp trực tuyến: có (Cổng Dịch vụ công quốc gia dichvucong.gov.vn).'
  const kinds = p.channels.map((c) => c.label)
  if (!kinds.length) return `Hình thức nộp: ${missing('hình thức nộp')}`
  return `Nộp trực tuyến: hồ sơ gốc không ghi hình thức trực tuyến; hình thức nộp: ${kinds.join(', ')}.`
}

const onlineSection = (p: Procedure): string[] => {
  const out = [onlineLine(p)]
  const online = p.channels.find((c) => c.kind === 'online')
  if (online?.note) out.push(`Ghi chú: ${clip(online.note, 300)}`)
  return out
}

const stepsSection = (p: Procedure): string[] => {
  if (!p.steps.length) return [`Trình tự thực hiện: ${missing('trình tự thực hiện')}`]
  const out = ['Trình tự thực hiện:', ...p.steps.slice(0, MAX_STEPS).map((s) => `- ${clip(s, 300)}`)]
  if (p.steps.length > MAX_STEPS) out.push('… xem đủ các bước ở trang chính thức.')
  return out
}

const requirementsSection = (p: Procedure): string[] =>
  p.requirements
    ? [`Yêu cầu, điều kiện: ${clip(p.requirements, 600)}`]
    : [`Yêu cầu, điều kiện: ${missing('yêu cầu, điều kiện')}`]

/** Some portal titles start in lower case ("sửa đổi, bổ sung một số điều…"): a list item starts with a capital. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)

const legalLines = (p: Procedure, max: number): string[] =>
  p.legalBasis
    .slice(0, max)
    .map((l) => `- ${capitalised(clip(l.title, 200))}${l.number ? ` (${l.number})` : ''}`)

const legalSection = (p: Procedure): string[] =>
  p.legalBasis.length
    ? ['Căn cứ pháp lý:', ...legalLines(p, 8)]
    : [`Căn cứ pháp lý: ${missing('căn cứ pháp lý')}`]

const resultSection = (p: Procedure): string[] =>
  p.results.length
    ? ['Kết quả:', ...p.results.slice(0, 4).map((r) => `- ${clip(r, 300)}`)]
    : [`Kết quả: ${missing('kết quả thực hiện')}`]

const overviewSection = (p: Procedure): string[] => {
  const out: string[] = []
  const how = byValue(p.channels, (c) => {
    const parts = [durationOf(c), c.feeText ? `phí: ${feeOf(c, 160)}` : null].filter(Boolean)
    return parts.length ? parts.join('; ') : null
  })
  if (how.length) out.push('Hình thức nộp, thời hạn và lệ phí:', ...how)
  else out.push(`Thời hạn và lệ phí: ${missing('thời hạn và lệ phí')}`)
  const toHandIn = p.documents.filter((d) => !isNote(d))
  if (toHandIn.length) {
    out.push('Hồ sơ gồm (một số giấy tờ chính, hỏi "cần giấy tờ gì" để xem đủ):')
    for (const d of toHandIn.slice(0, 3)) out.push(`- ${clip(d.name, 200)}`)
  }
  return out
}

const SECTIONS: Record<Facet, (p: Procedure) => string[]> = {
  documents: documentsSection,
  fees: feesSection,
  duration: durationSection,
  where: whereSection,
  online: onlineSection,
  steps: stepsSection,
  requirements: requirementsSection,
  legal: legalSection,
  result: resultSection,
  overview: overviewSection,
}

/** @returns plain NFC text with line breaks, the asked-for part first */
export const composeAnswer = ({
  procedure: p,
  facet,
  alternatives = [],
  placeNote = null,
}: ComposeAnswerOptions): string => {
  const note = placeNote ? [placeNote] : []
  const lines: string[] = [...SECTIONS[facet](p)]
  if (facet === 'where') lines.push(...note)
  lines.push('', `Thủ tục: ${p.name} (mã ${p.code})`)
  if (facet !== 'where') lines.push(...whereLines(p), ...note)
  if (facet !== 'online') lines.push(onlineLine(p))
  if (facet !== 'legal' && p.legalBasis.length) lines.push('Căn cứ pháp lý:', ...legalLines(p, 2))
  if (alternatives.length) {
    lines.push('Thủ tục liên quan:', ...alternatives.slice(0, 4).map((a) => `- ${a.name} (mã ${a.code})`))
  }
  lines.push('', `Thông tin theo ${p.source} cập nhật ngày ${formatDate(p.asOf)}.`)
  lines.push(p.url ? `Xem trang chính thức: ${p.url}` : 'Xem trang chính thức: https://dichvucong.gov.vn')
  return lines.join('\n').normalize('NFC')
}
