/**
 * Writes the answer from one stored procedure record as structure (see `StructuredReply`):
 * a lead sentence that answers what was asked (the fee, the documents, where …), a few short
 * sections, then context shown only with the first answer (where to submit, online, legal
 * basis, related procedures), and the source line. Every fact comes from the record; where
 * the record is silent the answer says so and points to the official page, and never fills
 * in a fee or a deadline of its own. `composeAnswer` renders it as the plain `text`.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { describeAsOf } from '../procedures/resolve-as-of.ts'
import type { Facet, ReplySection, StructuredReply } from './answer.types.ts'
import { clipSentences, splitSentences } from './clip-sentences.ts'
import { formCodes, isMainForm, withoutNumbering } from './describe-documents.ts'
import { type FactRow, formatFactRow, mergeAmounts } from './describe-fees.ts'
import { MAX_LEGAL_LINES } from './describe-legal-basis.ts'
import { currentBody, DISTRICT_MENTION, DISTRICT_NOTE, saysWhereToSubmit } from './describe-where.ts'
import { MAX_LISTED_NAME_CHARS, shorten } from './label-candidates.ts'
import { recordFacts } from './record-facts.ts'
import { renderReplyText } from './render-reply-text.ts'
import { saysHowToApplyOnline } from './says-how-online.ts'

export type ComposeAnswerOptions = {
  procedure: Procedure
  facet: Facet
  /** The other parts asked beside `facet` ("… và lệ phí bao nhiêu"), answered after it in this order. */
  also?: readonly Facet[]
  /** Other procedures worth naming (level variants, close matches). */
  alternatives?: { code: string; name: string }[]
  /** One line about the place the question names (see knowledge/places). */
  placeNote?: string | null
  /** YYYY-MM-DD; fee periods that ended before it are marked as ended. Defaults to today (UTC). */
  today?: string
}

export const PORTAL_URL = 'https://dichvucong.gov.vn'
const MAX_STEPS = 6
const MAX_LEAD_ROWS = 3

const missing = (what: string) => `Hồ sơ gốc không ghi ${what}; xem trang chính thức.`
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`)
const capital = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
const lower = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)

/** A few rows fit in the lead; more go to a list under it. */
const factsAnswer = (
  what: string,
  rows: readonly FactRow[],
  channels: readonly string[],
): { lead: string; items: string[] } => {
  const lines = rows.map((r) => formatFactRow(r, channels))
  const notes = [...new Set(rows.flatMap((r) => r.notes))].map((note) => {
    // A note only some rows have names their channels, so the counter's case is never read as the online fee's.
    const owners = rows.filter((r) => r.notes.includes(note))
    if (owners.length === rows.length) return note
    const text = `${note.replace(/[.;]\s*$/u, '')} (${[...new Set(owners.flatMap((r) => r.channels))].join(', ')})`
    return sentence(text)
  })
  if (rows.length === 1 || (rows.length <= MAX_LEAD_ROWS && lines.join('; ').length <= 260)) {
    const joined = lines.map((l, i) => (i === 0 ? l : lower(l))).join('; ')
    // "Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần" already says what it is.
    const says = joined.toLocaleLowerCase('vi').startsWith(what.toLocaleLowerCase('vi'))
    return { lead: sentence(says ? joined : `${what}: ${joined}`), items: notes }
  }
  return { lead: `${what} khác nhau theo trường hợp và hình thức nộp:`, items: [...lines, ...notes] }
}

const channelLabels = (p: Procedure) => recordFacts(p).channels

const feesPart = (p: Procedure, today: string): { lead: string; sections: ReplySection[] } => {
  const rows = recordFacts(p).fees(today)
  if (!rows.length) return { lead: missing('lệ phí'), sections: [] }
  const { lead, items } = factsAnswer('Lệ phí', rows, channelLabels(p))
  return { lead, sections: items.length ? [{ title: 'Chi tiết lệ phí', items }] : [] }
}

const durationPart = (p: Procedure): { lead: string; sections: ReplySection[] } => {
  const facts = recordFacts(p)
  const { rows, unexplained } = facts.durations
  if (!rows.length) {
    const stated = facts.stepTimeLimits
    if (!stated.length) return { lead: missing('thời hạn giải quyết'), sections: [] }
    return {
      lead: 'Cột thời hạn giải quyết của hồ sơ gốc để trống; trình tự thực hiện ghi:',
      sections: [{ title: 'Thời hạn ghi trong trình tự thực hiện', items: [...stated] }],
    }
  }
  const { lead, items } = factsAnswer('Thời hạn giải quyết', rows, channelLabels(p))
  if (unexplained) items.push('Hồ sơ gốc còn ghi thời hạn khác cho một số trường hợp; xem trang chính thức.')
  return { lead, sections: items.length ? [{ title: 'Chi tiết thời hạn', items }] : [] }
}

/**
 * The form's name as the lead says it: without where its template is published ("theo mẫu số
 * 01/HKNN ban hành kèm theo Thông tư …", "quy định tại Phụ lục 1 …"), what it must contain
 * ("bao gồm các thông tin sau: …") or a second sentence; the list below keeps the full entry.
 */
const shortFormName = (name: string): string => {
  const first = (name.split(/[(;]|\.\s|:/u)[0] ?? name).trim()
  const cut = first.search(
    /\s(?:theo (?:mẫu|Mẫu|Phụ lục|phụ lục)|ban hành kèm|quy định tại|bao gồm)|,\s*có\s/u,
  )
  const head = (cut >= 8 ? first.slice(0, cut) : first)
    .trim()
    .replace(/[.,:]$/u, '')
    .replace(/\s+(?:theo|kèm|tại|của|và|cho)$/u, '')
  return head.length > 140 ? shorten(head, 140) : head
}

const documentsPart = (p: Procedure): { lead: string; sections: ReplySection[] } => {
  const { groups, omitted } = recordFacts(p).documents
  if (!groups.length) return { lead: missing('thành phần hồ sơ'), sections: [] }
  // The form by its short name and code ("tờ khai thay đổi thông tin cư trú (mẫu CT01)"); the list has the rest.
  const form = p.documents.find(isMainForm)
  const formName = form ? shortFormName(withoutNumbering(form.name)) : ''
  const codes = form ? [...new Set(formCodes(form))] : []
  const lead = form
    ? `Bạn cần ${lower(formName)}${codes.length ? ` (mẫu ${codes.join(', ')})` : ''} và các giấy tờ dưới đây.`
    : 'Hồ sơ gồm các giấy tờ dưới đây.'
  const sections: ReplySection[] = groups.map((g) => ({ title: g.title, items: [...g.items] }))
  if (omitted > 0)
    sections.push({ title: 'Còn nữa', items: [`${omitted} giấy tờ khác, xem đủ ở trang chính thức.`] })
  return { lead, sections }
}

const whereItems = (p: Procedure): { agency: string | null; items: string[] } => {
  const where = recordFacts(p).where
  const items: string[] = []
  if (where.address) items.push(`Địa chỉ tiếp nhận: ${clipSentences(where.address, 300)}`)
  if (where.district) items.push(DISTRICT_NOTE)
  return { agency: where.agency, items }
}

const wherePart = (p: Procedure, placeNote: string | null): { lead: string; sections: ReplySection[] } => {
  const { agency, items } = whereItems(p)
  const direct = p.channels.find((c) => c.kind === 'direct' && c.note)
  // Only what the description says about where to hand in, not its processing notes.
  const about = splitSentences(direct?.note ?? '').filter(saysWhereToSubmit)
  if (about.length) {
    const note = currentBody(clipSentences(about.join(' '), 300))
    items.push(`Nộp trực tiếp: ${note.text}`)
    if (note.changed && !items.includes(DISTRICT_NOTE)) items.push(DISTRICT_NOTE)
  }
  if (p.levels.length) items.push(`Cấp thực hiện: ${p.levels.join(', ')}`)
  if (placeNote) items.push(placeNote)
  const lead = agency ? `Nộp hồ sơ tại ${agency}.` : missing('nơi nộp hồ sơ')
  return { lead, sections: items.length ? [{ title: 'Nơi nộp', items }] : [] }
}

const onlineLead = (p: Procedure): string => {
  // (by post too when the record says so: "gửi qua bưu điện được không" is asked as often)
  if (p.channels.some((c) => c.kind === 'online'))
    return p.channels.some((c) => c.kind === 'postal')
      ? 'Có, thủ tục này nộp trực tuyến được trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), và qua dịch vụ bưu chính.'
      : 'Có, thủ tục này nộp trực tuyến được trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).'
  const kinds = channelLabels(p)
  if (!kinds.length) return missing('hình thức nộp')
  return `Hồ sơ gốc không ghi hình thức nộp trực tuyến; hình thức nộp: ${kinds.join(', ')}.`
}

const onlinePart = (p: Procedure): { lead: string; sections: ReplySection[] } => {
  const online = p.channels.find((c) => c.kind === 'online' && c.note)
  const items = online?.note ? splitSentences(online.note).filter(saysHowToApplyOnline).slice(0, 4) : []
  return { lead: onlineLead(p), sections: items.length ? [{ title: 'Cách nộp trực tuyến', items }] : [] }
}

const stepsPart = (p: Procedure): { lead: string; sections: ReplySection[] } => {
  if (!p.steps.length) return { lead: missing('trình tự thực hiện'), sections: [] }
  let district = false
  const items = p.steps.slice(0, MAX_STEPS).map((s) => {
    const step = currentBody(clipSentences(s, 300))
    district ||= step.changed
    return step.text
  })
  if (p.steps.length > MAX_STEPS) items.push('… xem đủ các bước ở trang chính thức.')
  if (district) items.push(DISTRICT_NOTE)
  return { lead: `Thủ tục gồm ${p.steps.length} bước:`, sections: [{ title: 'Các bước', items }] }
}

const requirementsPart = (p: Procedure): { lead: string; sections: ReplySection[] } => {
  if (!p.requirements) return { lead: missing('yêu cầu, điều kiện'), sections: [] }
  const items = splitSentences(p.requirements)
  return {
    lead: 'Yêu cầu, điều kiện theo hồ sơ gốc:',
    sections: [{ title: 'Điều kiện', items: items.slice(0, 6).map((i) => clipSentences(i, 400)) }],
  }
}

/** The record's first `max` legal lines (at most {@link MAX_LEGAL_LINES}). */
const legalLines = (p: Procedure, max: number): string[] => recordFacts(p).legal.slice(0, max)

const legalPart = (p: Procedure): { lead: string; sections: ReplySection[] } =>
  p.legalBasis.length
    ? {
        lead: 'Căn cứ pháp lý của thủ tục:',
        sections: [{ title: 'Văn bản', items: legalLines(p, MAX_LEGAL_LINES) }],
      }
    : { lead: missing('căn cứ pháp lý'), sections: [] }

const resultPart = (p: Procedure): { lead: string; sections: ReplySection[] } => {
  if (!p.results.length) return { lead: missing('kết quả thực hiện'), sections: [] }
  const [first, ...rest] = p.results.map((r) => clipSentences(r, 300))
  return {
    lead: sentence(`Kết quả: ${first}`),
    sections: rest.length ? [{ title: 'Kết quả khác', items: rest.slice(0, 3) }] : [],
  }
}

/** "lệ phí 70.000 đồng", and "miễn lệ phí" rather than "lệ phí miễn phí". */
const feeClause = (value: string): string => {
  const v = value.trim()
  // only a plain "Miễn phí": one the record contradicts keeps its note ("Miễn phí (lưu ý: …)")
  if (/^miễn phí\.?$/iu.test(v)) return 'miễn lệ phí'
  // "Mức lệ phí cụ thể do Hội đồng nhân dân … quyết định" names itself: never "lệ phí mức lệ phí …"
  if (/^(?:mức )?(?:lệ )?phí(?!\p{L})/iu.test(v)) return lower(value)
  // "Thông tư số 60/2023/TT-BTC … quy định mức thu …": the fee is as that text sets it
  if (/^(?:thông tư|nghị định|nghị quyết|quyết định|luật)(?!\p{L})/iu.test(v)) return `lệ phí theo ${value}`
  return `lệ phí ${lower(value)}`
}

const overviewPart = (p: Procedure, today: string): { lead: string; sections: ReplySection[] } => {
  const { agency } = whereItems(p)
  const facts = recordFacts(p)
  const durations = facts.durations.rows
  const fees = mergeAmounts(facts.fees(today))
  const parts = [
    agency ? `nộp tại ${agency}` : null,
    durations.length === 1 && durations[0] ? `thời hạn ${durations[0].value}` : null,
    fees.length === 1 && fees[0] ? feeClause(fees[0].value) : null,
  ].filter(Boolean)
  const lead = parts.length ? sentence(capital(parts.join('; '))) : 'Thông tin chính của thủ tục:'
  const sections: ReplySection[] = []
  if (durations.length > 1)
    sections.push({ title: 'Thời hạn', items: durations.map((r) => formatFactRow(r, channelLabels(p))) })
  if (fees.length > 1)
    sections.push({ title: 'Lệ phí', items: fees.map((r) => formatFactRow(r, channelLabels(p))) })
  const docs = facts.documents.groups[0]
  if (docs)
    sections.push({ title: 'Giấy tờ chính (hỏi "cần giấy tờ gì" để xem đủ)', items: docs.items.slice(0, 3) })
  return { lead, sections }
}

/** The heading of a part answered beside the main one. */
const OTHER_TITLES: Record<Exclude<Facet, 'overview'>, string> = {
  documents: 'Giấy tờ cần nộp',
  fees: 'Lệ phí',
  duration: 'Thời hạn giải quyết',
  where: 'Nơi nộp',
  online: 'Nộp trực tuyến',
  steps: 'Các bước',
  requirements: 'Điều kiện',
  legal: 'Căn cứ pháp lý',
  result: 'Kết quả',
}

/**
 * Context shown with the first answer about a procedure, not with its follow-ups; a note about
 * the place the question names sits right under where to submit and is always shown.
 */
const footerSection = (
  p: Procedure,
  facet: Facet,
  placeNote: string | null,
  also: readonly Facet[],
): ReplySection | null => {
  const items: string[] = []
  if (facet !== 'where' && facet !== 'overview' && !also.includes('where')) {
    const { agency, items: whereNotes } = whereItems(p)
    items.push(
      agency ? `Nơi nộp: ${agency}` : `Nơi nộp: ${missing('nơi nộp hồ sơ')}`,
      ...whereNotes.filter((i) => i === DISTRICT_NOTE),
    )
  } else if (facet === 'overview' && recordFacts(p).where.district) items.push(DISTRICT_NOTE)
  if (placeNote && facet !== 'where') items.push(placeNote)
  if (facet !== 'online' && !also.includes('online')) items.push(onlineLead(p))
  if (facet !== 'legal' && !also.includes('legal') && p.legalBasis.length)
    items.push(`Căn cứ: ${legalLines(p, 2).join('; ')}`)
  if (!items.length) return null
  return placeNote && facet !== 'where'
    ? { title: 'Thông tin thêm', items }
    : { title: 'Thông tin thêm', items, footer: true }
}

/** @returns the answer as structure; render it with `renderReplyText` or a channel's renderer */
export const composeReply = ({
  procedure: p,
  facet,
  also = [],
  alternatives = [],
  placeNote = null,
  today = new Date().toISOString().slice(0, 10),
}: ComposeAnswerOptions): StructuredReply => {
  const parts: Record<Facet, () => { lead: string; sections: ReplySection[] }> = {
    documents: () => documentsPart(p),
    fees: () => feesPart(p, today),
    duration: () => durationPart(p),
    where: () => wherePart(p, placeNote),
    online: () => onlinePart(p),
    steps: () => stepsPart(p),
    requirements: () => requirementsPart(p),
    legal: () => legalPart(p),
    result: () => resultPart(p),
    overview: () => overviewPart(p, today),
  }
  const { lead, sections } = parts[facet]()
  if (placeNote && facet === 'where' && !sections.length)
    sections.push({ title: 'Nơi nộp', items: [placeNote] })
  // "cần giấy tờ gì và lệ phí bao nhiêu": each other part asked, under its own heading, after the main one.
  for (const other of also) {
    if (other === facet || other === 'overview') continue
    const part = parts[other]()
    sections.push({ title: OTHER_TITLES[other], items: [part.lead] }, ...part.sections)
  }
  const footer = footerSection(p, facet, placeNote, also)
  // The district note once per reply, and whenever the reply names a district-level body
  // (a paper "của Công an cấp huyện", a name "(thực hiện tại cấp huyện)"), follow-ups included.
  const named = [lead, p.name, ...sections.flatMap((s) => s.items)].some((t) =>
    DISTRICT_MENTION.test(t.replace(DISTRICT_NOTE, '')),
  )
  const noted = sections.some((s) => s.items.includes(DISTRICT_NOTE))
  if (footer && (noted || named)) footer.items = footer.items.filter((i) => i !== DISTRICT_NOTE)
  if (named && !noted) sections.push({ title: 'Lưu ý', items: [DISTRICT_NOTE] })
  if (footer?.items.length) sections.push(footer)
  if (alternatives.length) {
    sections.push({
      title: 'Thủ tục liên quan',
      items: alternatives.slice(0, 4).map((a) => `${shorten(a.name, MAX_LISTED_NAME_CHARS)} (mã ${a.code})`),
      footer: true,
    })
  }
  // Record text is NFC since import (cleanText) and so is this file's copy; the lead is checked once more.
  const nfc = (text: string) => text.normalize('NFC')
  return {
    lead: nfc(lead),
    sections,
    ...(alternatives.length
      ? { choices: alternatives.slice(0, 4).map((a) => ({ code: a.code, label: shorten(a.name) })) }
      : {}),
    source: {
      text: `Nguồn: ${p.source}, số liệu ${describeAsOf(p.asOf)} (mã ${p.code}).`,
      url: p.url ?? PORTAL_URL,
    },
  }
}

/** @returns plain NFC text with line breaks: the answer first, the procedure's name once, the link once */
export const composeAnswer = (options: ComposeAnswerOptions): string =>
  renderReplyText(composeReply(options), { procedure: options.procedure })
