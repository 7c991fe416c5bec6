/**
 * The documents of a record arranged for a citizen: the main form first (Tờ khai, Phiếu đề
 * nghị, mẫu CT01 …, never dropped), then what everyone brings, then the papers needed only in
 * some cases grouped under their case, then at most a couple of the portal's notes.
 * @module
 */
import type { Procedure, ProcedureDocument } from '../procedures/procedure.types.ts'
import { clipSentences } from './clip-sentences.ts'

export type DocumentGroup = { title: string; items: string[] }

const capital = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)

/** "mẫu CT01", "Mẫu DC02": the named forms a document mentions. */
export const formCodes = (d: ProcedureDocument): string[] =>
  [...`${d.name} ${d.template ?? ''}`.matchAll(/\bmẫu (?:số )?([A-Z]{1,3}\d{1,2}[a-z]?)\b/giu)].map((m) =>
    (m[1] ?? '').toUpperCase(),
  )

/** A form whose named forms another form also names ("CT01" beside "CT01 hoặc CT02") is said by that one. */
const withoutRepeatedForms = (forms: ProcedureDocument[]): ProcedureDocument[] =>
  forms.filter((d) => {
    const codes = formCodes(d)
    return !(
      codes.length > 0 &&
      forms.some(
        (o) => o !== d && formCodes(o).length > codes.length && codes.every((c) => formCodes(o).includes(c)),
      )
    )
  })

const MAX_COMMON = 8
const MAX_CASES = 4
const MAX_PER_CASE = 4
const MAX_NOTES = 2

/** A count of none ("0 bản chính") with the separator before it. */
const NO_COPIES = /(?:^|, ?|; ?| hoặc )0{1,2} bản (?:chính|sao|chụp)/gu

/**
 * What is handed in, without the counts of none: the portal's table has a column for originals
 * and one for copies, so "0 bản chính,1 bản sao" (a quarter of the export's papers) asks for one copy.
 * @returns the counts to say ("1 bản sao"), '' when every count is none, null when none is stated
 */
export const readCopies = (copies: string | null): string | null =>
  copies === null || copies.trim() === ''
    ? null
    : copies
        .replace(NO_COPIES, '')
        .replace(/^(?:, ?|; ?| hoặc )/u, '')
        .replace(/([,;])(?=\S)/gu, '$1 ')
        .trim()

/** Lines where every count is none ("0 bản chính") are the portal's notes, not documents. */
const isNote = (d: ProcedureDocument) => readCopies(d.copies) === '' || /lưu ý/i.test(d.group ?? '')

/** "2) Điều lệ …", "(iv) Trường hợp …", "1. Đơn đăng ký …", "4- Các tài liệu …": the record's own numbering, which the list replaces. */
const NUMBERING = /^(?:\(?(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)|\d{1,2}(?:\.\d{1,2})?[.-]|[a-zđ]\.)\s+/u

/** The name without the record's own numbering. */
export const withoutNumbering = (name: string): string => name.trim().replace(NUMBERING, '')

/** The form the citizen fills in: "Tờ khai …", "Phiếu đề nghị …", "Đơn …", or a named form (CT01, DC01, TK1-TS …). */
export const isMainForm = (d: ProcedureDocument): boolean =>
  /^(?:tờ khai|phiếu đề nghị|phiếu khai|đơn (?:đề nghị|xin|yêu cầu|đăng ký)|bản khai|giấy đề nghị)/iu.test(
    withoutNumbering(d.name),
  ) || /\bmẫu (?:số )?(?:CT0\d|DC0\d|TK\d|X0\d|M0\d)/iu.test(`${d.name} ${d.template ?? ''}`)

/** Headings that name what kind of paper it is, not a case: everyone brings these. */
const GENERIC_GROUP =
  /^(?:giấy tờ phải (?:nộp|xuất trình)|hồ sơ gồm|thành phần hồ sơ|giấy tờ (?:nộp|xuất trình))\b/iu

/** "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản …": the case, and the paper. */
const conditional = (name: string): { when: string; what: string } | null => {
  const text = name.trim()
  const lead =
    /^(?:[-+•]\s*)?((?:trường hợp|nếu|đối với)\b[^:]{3,200}?)(?:\s+thì\s+|:\s*|\s+(?=phải (?:có|nộp)\s))(.{6,})$/iu.exec(
      text,
    )
  if (lead?.[1] && lead[2]) {
    const what = lead[2].replace(/^(?:phải có|phải nộp|nộp|cần có|có)\s+/iu, '')
    return { when: lead[1].trim(), what: capital(what) }
  }
  // "Văn bản ủy quyền … trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh. …"
  const tail = /^(.{6,}?)\s+(?:trong|đối với) trường hợp ([^.;]{6,240})([.;].*)?$/iu.exec(text)
  if (tail?.[1] && tail[2])
    return { when: `Trường hợp ${tail[2].trim()}`, what: `${tail[1]}${tail[3] ?? ''}` }
  // "… người đại diện hợp pháp của người dưới 14 tuổi": only for a child's application.
  const age = /\bngười (dưới|chưa đủ) (\d{1,2}) tuổi\b/iu.exec(text)
  if (age) return { when: `Làm cho người ${age[1]} ${age[2]} tuổi`, what: text }
  return null
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 }

/** "(iv) Trường hợp …" → 4, "2) …" → 2: the record's own numbering, or null. */
const numberOf = (name: string): number | null => {
  const mark = /^\(?(\d{1,2}|[ivx]{1,4})\)\s/u.exec(name.trim())?.[1]
  if (!mark) return null
  if (/^\d/.test(mark)) return Number(mark)
  let value = 0
  for (let i = 0; i < mark.length; i++) {
    const here = ROMAN[mark[i] ?? ''] ?? 0
    value += here < (ROMAN[mark[i + 1] ?? ''] ?? 0) ? -here : here
  }
  return value
}

type CaseItem = { order: number | null; item: () => string }

/** A case's papers in the record's own numbering when it numbers them ("(iv), (v), (ii)" as the portal lists some). */
const inRecordOrder = (items: CaseItem[]): (() => string)[] => {
  const numbered = items.filter((entry) => entry.order !== null).length
  const sorted =
    numbered < 2
      ? items
      : [...items].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER))
  return sorted.map((entry) => entry.item)
}

const line = (d: ProcedureDocument, name = d.name): string => {
  // "(bản chính) (1 bản chính)": a name that already says which copy needs no count "1 bản chính" after it
  const counts = readCopies(d.copies)
  const copies =
    counts && !(/^1 bản (?:chính|sao)$/u.test(counts) && name.includes(`(${counts.slice(2)})`))
      ? counts
      : null
  const extra = [copies, d.template ? `mẫu: ${d.template}` : null].filter(Boolean).join('; ')
  // "… của nhà đầu tư;": the record's list punctuation, which the bullet replaces
  const text = name.replace(NUMBERING, '').replace(/\s*[;,.]\s*$/u, '')
  return `${clipSentences(text, 450)}${extra ? ` (${extra})` : ''}`
}

/**
 * @returns the groups to show (first the main form and what everyone brings), and how many
 *   documents were left out for length
 */
export const describeDocuments = (p: Procedure): { groups: DocumentGroup[]; omitted: number } => {
  const docs = p.documents.filter((d) => !isNote(d))
  // "… các giấy tờ sau:" introduces the list; it is not a paper.
  const papers = docs.filter((d) => !/:\s*$/.test(d.name.trim()))
  const main = papers.filter(isMainForm)
  // Lines are written only for the papers shown (a record may list dozens).
  const common: (() => string)[] = []
  const listed = new Map<string, CaseItem[]>()
  const addCase = (when: string, d: ProcedureDocument, item: () => string) => {
    const key = capital(when.replace(/[:,]\s*$/, ''))
    listed.set(key, [...(listed.get(key) ?? []), { order: numberOf(d.name), item }])
  }
  for (const d of papers) {
    if (main.includes(d)) continue
    const cond = conditional(withoutNumbering(d.name))
    const group = d.group && !GENERIC_GROUP.test(d.group) ? d.group : null
    if (group) addCase(group, d, () => line(d))
    else if (cond) addCase(cond.when, d, () => line(d, cond.what))
    else common.push(() => line(d))
  }
  const cases = new Map([...listed].map(([when, items]) => [when, inRecordOrder(items)]))
  // Main forms inside a case group ("… nơi đơn vị đóng quân: Tờ khai CT01") are still the main form.
  const forms = [...new Set(withoutRepeatedForms(main).map((d) => line(d)))]
  const shownCommon = common.slice(0, Math.max(0, MAX_COMMON - forms.length))
  const groups: DocumentGroup[] = []
  const everyone = [...forms, ...shownCommon.map((item) => item())]
  let omitted = common.length - shownCommon.length
  if (everyone.length)
    groups.push({ title: cases.size ? 'Mọi trường hợp' : 'Thành phần hồ sơ', items: everyone })
  const caseEntries = [...cases]
  for (const [title, items] of caseEntries.slice(0, MAX_CASES)) {
    groups.push({ title, items: items.slice(0, MAX_PER_CASE).map((item) => item()) })
    omitted += Math.max(0, items.length - MAX_PER_CASE)
  }
  for (const [, items] of caseEntries.slice(MAX_CASES)) omitted += items.length
  const notes = p.documents.filter(isNote).filter((d) => !/:\s*$/.test(d.name.trim()))
  if (notes.length) {
    groups.push({
      title: 'Lưu ý',
      items: notes.slice(0, MAX_NOTES).map((d) => clipSentences(d.name.replace(/^lưu ý:\s*/iu, ''), 320)),
    })
  }
  return { groups, omitted }
}
