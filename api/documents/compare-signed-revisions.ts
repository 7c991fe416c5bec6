/**
 * Integrity between signed revisions: what changed in a PDF after a signature that is
 * not the last one. A signed revision is the prefix of the file up to the end of that
 * signature's ByteRange; it is compared with the final file object by object (through
 * both cross-reference chains, so an object re-pointed to older bytes counts as changed).
 *
 * A later signature may add only:
 * - signature fields and their widgets (`/FT /Sig`), listed in a page's /Annots and in
 *   the AcroForm's /Fields, each with its signature dictionary and the objects of its
 *   appearance (/AP); an empty signature field that was already there may get its /V;
 * - the AcroForm itself, its /Fields and /SigFlags;
 * - a document security store (/DSS: certificates and revocation data for PAdES B-LT);
 * - /ModDate and /Producer in the document information dictionary;
 * - the issuance stamp: FreeText annotations whose /NM starts with `issuance-stamp`,
 *   each at most 300 × 100 pt, whose appearance only sets text (text, colour and state
 *   operators; no paths, images, shadings or XObjects; no Type 3 fonts). They carry the
 *   number/notation and date the clerical office stamps before the organisation signs:
 *   at most one for the date (/NM `issuance-stamp-date…`, the blanks of "ngày … tháng …
 *   năm …") and one for the number (any other such /NM, after "Số:"), since the two sit
 *   in different columns of the page.
 * Anything else (page content, pages added or removed, other annotations, form values,
 * catalog entries) is a change made after the signature.
 * @module
 */
import {
  canonical,
  createRevisionCache,
  decodeStream,
  isDict,
  isName,
  isRef,
  isString,
  type PdfDict,
  type PdfRevision,
  type PdfValue,
  readPdfRevision,
  stringBytes,
} from './read-pdf-revision.ts'
import type { SignatureCheck } from './verify-pdf-signatures.ts'

export const STAMP_NAME_PREFIX = 'issuance-stamp'
const STAMP_MAX = { width: 300, height: 100 }
const STAMP_OPERATORS = new Set(
  'BT ET Tf Td TD Tm T* Tj TJ \' " Tc Tw Tz TL Ts Tr g G rg RG k K cs CS sc scn SC SCN q Q cm gs BMC BDC EMC'.split(
    ' ',
  ),
)

type Structure = {
  rev: PdfRevision
  catalog: PdfDict
  /** page object numbers in order */
  pages: number[]
  /** page tree nodes (not pages) */
  nodes: number[]
  /** object number → what it is, for messages */
  roles: Map<number, string>
  acroForm: PdfDict | null
}

const get = (d: PdfDict | null | undefined, key: string) => d?.entries.get(key)

const structureOf = (rev: PdfRevision): Structure => {
  const rootRef = rev.trailer.entries.get('Root')
  const catalog = rev.resolve(rootRef)
  if (!isRef(rootRef) || !isDict(catalog)) throw new Error('PDF catalog not readable')
  const pages: number[] = []
  const nodes: number[] = []
  const roles = new Map<number, string>()
  const walk = (ref: PdfValue | undefined, depth: number) => {
    if (!isRef(ref) || depth > 32 || nodes.includes(ref.num) || pages.includes(ref.num)) return
    const node = rev.resolve(ref)
    if (!isDict(node)) return
    if (isName(get(node, 'Type'), 'Pages') || Array.isArray(get(node, 'Kids'))) {
      nodes.push(ref.num)
      for (const kid of (rev.resolve(get(node, 'Kids')) as PdfValue[] | undefined) ?? []) walk(kid, depth + 1)
      return
    }
    pages.push(ref.num)
    const label = `trang ${pages.length}`
    roles.set(ref.num, label)
    const contents = get(node, 'Contents')
    const list = isRef(contents) && Array.isArray(rev.resolve(contents)) ? rev.resolve(contents) : contents
    for (const c of Array.isArray(list) ? list : [list]) if (isRef(c)) roles.set(c.num, `nội dung ${label}`)
    const annots = rev.resolve(get(node, 'Annots'))
    for (const a of Array.isArray(annots) ? annots : []) {
      const annot = rev.resolve(a)
      if (isRef(a) && isDict(annot)) {
        const sub = get(annot, 'Subtype')
        roles.set(a.num, `chú thích ${isName(sub) ? `/${sub.name} ` : ''}trên ${label}`)
      }
    }
  }
  walk(get(catalog, 'Pages'), 0)
  const acroForm = rev.resolve(get(catalog, 'AcroForm'))
  const form = isDict(acroForm) ? acroForm : null
  const fields = rev.resolve(get(form, 'Fields'))
  const nameFields = (list: PdfValue | undefined, depth: number) => {
    for (const f of Array.isArray(list) ? list : []) {
      const field = rev.resolve(f)
      if (!isRef(f) || !isDict(field) || depth > 16) continue
      const t = get(field, 'T')
      const name = isString(t) ? stringBytes(t) : ''
      roles.set(f.num, `trường biểu mẫu "${name.replace(/[^\x20-\x7e]/g, '')}"`)
      nameFields(rev.resolve(get(field, 'Kids')), depth + 1)
    }
  }
  nameFields(fields, 0)
  return { rev, catalog, pages, nodes, roles, acroForm: form }
}

/** Object numbers reachable from a value (appearance streams, their resources, …). */
const reachable = (rev: PdfRevision, from: PdfValue | undefined, out = new Set<number>()) => {
  const stack: (PdfValue | undefined)[] = [from]
  while (stack.length > 0 && out.size < 10_000) {
    const v = stack.pop()
    if (Array.isArray(v)) stack.push(...v)
    else if (isRef(v)) {
      if (out.has(v.num)) continue
      out.add(v.num)
      stack.push(rev.object(v.num)?.value)
    } else if (isDict(v)) stack.push(...v.entries.values())
  }
  return out
}

const refsOf = (rev: PdfRevision, value: PdfValue | undefined): PdfValue[] => {
  const list = rev.resolve(value)
  return Array.isArray(list) ? list : []
}

/** The normal appearance stream of an annotation; undefined without /AP, null when not a stream. */
const normalAppearance = (rev: PdfRevision, annot: PdfDict) => {
  const ap = rev.resolve(get(annot, 'AP'))
  if (ap === undefined) return undefined
  const n = isDict(ap) ? get(ap, 'N') : undefined
  return (isRef(n) ? rev.object(n.num)?.stream : null) ?? null
}

/** Why an issuance stamp is not acceptable, or null when it is. */
const stampProblem = (rev: PdfRevision, annot: PdfDict): string | null => {
  const rect = rev.resolve(get(annot, 'Rect'))
  const [x1, y1, x2, y2] = Array.isArray(rect) ? rect.map(Number) : []
  if (
    [x1, y1, x2, y2].some((n) => n === undefined || !Number.isFinite(n)) ||
    Math.abs((x2 as number) - (x1 as number)) > STAMP_MAX.width ||
    Math.abs((y2 as number) - (y1 as number)) > STAMP_MAX.height
  ) {
    return 'Dấu số, ngày ban hành lớn hơn khuôn khổ cho phép.'
  }
  const stream = normalAppearance(rev, annot)
  if (stream === undefined) return null
  if (stream === null) return 'Dấu số, ngày ban hành có hình thức hiển thị không đọc được.'
  const fonts = rev.resolve(get(rev.resolve(get(stream.dict, 'Resources')) as PdfDict | undefined, 'Font'))
  for (const f of isDict(fonts) ? fonts.entries.values() : []) {
    if (isName(get(rev.resolve(f) as PdfDict | undefined, 'Subtype'), 'Type3'))
      return 'Dấu số, ngày ban hành dùng phông Type 3.'
  }
  const text = Buffer.from(decodeStream(stream)).toString('latin1')
  // strings and names removed, the remaining words are numbers and operators
  const words = text
    .replace(/\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>|\/[^\s/[\]()<>]+|\[|\]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w))
  const bad = words.find((w) => !STAMP_OPERATORS.has(w))
  return bad ? `Dấu số, ngày ban hành vẽ nội dung khác chữ (toán tử ${bad.slice(0, 8)}).` : null
}

/**
 * Changes from `old` to `cur` that a later signature may not make, as sentences.
 * @throws Error when either revision cannot be read
 */
const compareOne = (oldRev: PdfRevision, cur: Structure): string[] => {
  const old = structureOf(oldRev)
  const rev = cur.rev
  const problems = new Set<string>()
  const explained = new Set<number>()
  const allowedNew = new Set<number>()
  const isNew = (num: number) => oldRev.locationOf(num) === null
  const rootOld = oldRev.trailer.entries.get('Root')
  const rootNew = rev.trailer.entries.get('Root')
  if (!isRef(rootOld) || !isRef(rootNew) || rootOld.num !== rootNew.num) {
    return ['Danh mục gốc (/Root) của tệp đã bị thay.']
  }
  if (rev.trailer.entries.has('Encrypt') && !oldRev.trailer.entries.has('Encrypt'))
    problems.add('Tệp đã bị mã hoá lại.')

  // catalog: only /AcroForm and /DSS may differ, judged below
  explained.add(rootNew.num)
  for (const key of new Set([...old.catalog.entries.keys(), ...cur.catalog.entries.keys()])) {
    if (key === 'AcroForm' || key === 'DSS') continue
    if (canonical(get(old.catalog, key)) !== canonical(get(cur.catalog, key)))
      problems.add(`Mục /${key} của danh mục tài liệu đã bị thay đổi.`)
  }
  for (const n of reachable(rev, get(cur.catalog, 'DSS'))) if (isNew(n)) allowedNew.add(n)
  const dssRef = get(cur.catalog, 'DSS')
  if (isRef(dssRef)) explained.add(dssRef.num)

  // an added annotation or field is acceptable when it is a new signature widget or the stamp
  const stampKinds = new Set<string>()
  const acceptAdded = (ref: PdfValue, where: string) => {
    const annot = rev.resolve(ref)
    if (!isRef(ref) || !isNew(ref.num) || !isDict(annot)) {
      problems.add(`Đã thêm một đối tượng vào ${where}.`)
      return
    }
    if (allowedNew.has(ref.num)) return
    const isSigField = isName(get(annot, 'FT'), 'Sig')
    const nm = get(annot, 'NM')
    const isStamp =
      isName(get(annot, 'Subtype'), 'FreeText') &&
      isString(nm) &&
      stringBytes(nm).startsWith(STAMP_NAME_PREFIX)
    if (!isSigField && !isStamp) {
      const sub = get(annot, 'Subtype')
      problems.add(`Đã thêm chú thích ${isName(sub) ? `/${sub.name} ` : ''}vào ${where}.`)
      // reported once, as the annotation it is
      explained.add(ref.num)
      return
    }
    if (isStamp) {
      const kind = isString(nm) && stringBytes(nm).startsWith(`${STAMP_NAME_PREFIX}-date`) ? 'date' : 'number'
      const problem =
        stampProblem(rev, annot) ?? (stampKinds.has(kind) ? 'Có nhiều hơn một dấu số, ngày ban hành.' : null)
      stampKinds.add(kind)
      if (problem) {
        problems.add(problem)
        explained.add(ref.num)
        return
      }
    }
    allowedNew.add(ref.num)
    for (const n of reachable(rev, get(annot, 'AP'))) if (isNew(n)) allowedNew.add(n)
    const v = get(annot, 'V')
    if (isSigField && isRef(v) && isNew(v.num)) {
      const sig = rev.resolve(v)
      if (isDict(sig) && (isName(get(sig, 'Type'), 'Sig') || isName(get(sig, 'Type'), 'DocTimeStamp'))) {
        allowedNew.add(v.num)
        for (const n of reachable(rev, sig)) if (isNew(n)) allowedNew.add(n)
      }
    }
  }

  /** old entries kept (by reference), new ones accepted one by one */
  const compareList = (oldList: PdfValue[], newList: PdfValue[], where: string) => {
    const before = new Set(oldList.map(canonical))
    const after = new Set(newList.map(canonical))
    if ([...before].some((x) => !after.has(x))) problems.add(`Đã xoá một mục khỏi ${where}.`)
    for (const item of newList) if (!before.has(canonical(item))) acceptAdded(item, where)
  }

  // pages: the same pages in the same order; each page differs at most in /Annots
  if (canonical(old.pages) !== canonical(cur.pages)) problems.add('Đã thêm, bớt hoặc đổi thứ tự trang.')
  for (const n of cur.nodes) {
    if (canonical(oldRev.object(n)?.value) === canonical(rev.object(n)?.value)) explained.add(n)
  }
  cur.pages.forEach((num, i) => {
    const before = oldRev.object(num)?.value
    const after = rev.object(num)?.value
    if (!isDict(before) || !isDict(after)) return
    explained.add(num)
    for (const key of new Set([...before.entries.keys(), ...after.entries.keys()])) {
      if (key !== 'Annots' && canonical(get(before, key)) !== canonical(get(after, key)))
        problems.add(`Trang ${i + 1} đã bị thay đổi (/${key}).`)
    }
    const annots = get(after, 'Annots')
    if (isRef(annots)) explained.add(annots.num)
    compareList(refsOf(oldRev, get(before, 'Annots')), refsOf(rev, annots), `trang ${i + 1}`)
  })

  // the AcroForm: only /Fields (signature fields added) and /SigFlags may change
  const formRef = get(cur.catalog, 'AcroForm')
  if (isRef(formRef)) explained.add(formRef.num)
  const formBefore = old.acroForm
  const formAfter = cur.acroForm
  if (formAfter || formBefore) {
    for (const key of new Set([
      ...(formBefore?.entries.keys() ?? []),
      ...(formAfter?.entries.keys() ?? []),
    ])) {
      if (
        key !== 'Fields' &&
        key !== 'SigFlags' &&
        canonical(get(formBefore, key)) !== canonical(get(formAfter, key))
      )
        problems.add(`Biểu mẫu (/AcroForm) đã bị thay đổi (/${key}).`)
    }
    const fields = get(formAfter, 'Fields')
    if (isRef(fields)) explained.add(fields.num)
    compareList(refsOf(oldRev, get(formBefore, 'Fields')), refsOf(rev, fields), 'biểu mẫu')
  }

  // the information dictionary: modification date and producer only
  const info = rev.trailer.entries.get('Info')
  const infoOld = oldRev.trailer.entries.get('Info')
  if (isRef(info) && isRef(infoOld) && info.num === infoOld.num) {
    const a = oldRev.resolve(infoOld)
    const b = rev.resolve(info)
    if (isDict(a) && isDict(b)) {
      const keys = new Set([...a.entries.keys(), ...b.entries.keys()])
      if (
        [...keys].every(
          (k) => k === 'ModDate' || k === 'Producer' || canonical(get(a, k)) === canonical(get(b, k)),
        )
      )
        explained.add(info.num)
    }
  }

  const changed = [...rev.entries]
    .filter(([num, e]) => e.type !== 'free' && num !== 0 && rev.locationOf(num) !== oldRev.locationOf(num))
    .map(([num]) => num)
  // an empty signature field that was already there gets signed: /V and /AP change only
  for (const num of changed) {
    const before = oldRev.object(num)?.value
    const after = rev.object(num)?.value
    if (!isDict(before) || !isDict(after) || !isName(get(before, 'FT'), 'Sig') || get(before, 'V')) continue
    const keys = new Set([...before.entries.keys(), ...after.entries.keys()])
    if (
      [...keys].every(
        (k) => k === 'V' || k === 'AP' || canonical(get(before, k)) === canonical(get(after, k)),
      )
    ) {
      explained.add(num)
      for (const n of reachable(rev, [get(after, 'V') ?? null, get(after, 'AP') ?? null]))
        if (isNew(n)) allowedNew.add(n)
    }
  }
  for (const num of changed) {
    if (explained.has(num) || allowedNew.has(num)) continue
    const obj = rev.object(num)
    const type = isDict(obj?.value) ? get(obj.value, 'Type') : undefined
    if (isName(type, 'XRef') || isName(type, 'ObjStm')) continue
    const previous = oldRev.object(num)?.value
    const role = old.roles.get(num)
    if (role) problems.add(`${role[0]?.toUpperCase()}${role.slice(1)} đã bị thay đổi.`)
    else if (previous !== undefined) problems.add(`Đối tượng ${num} đã bị thay đổi.`)
    else problems.add(`Đã thêm đối tượng ${num} không thuộc chữ ký mới.`)
  }
  for (const [num, entry] of oldRev.entries) {
    if (entry.type !== 'free' && num !== 0 && rev.locationOf(num) === null) {
      const type = oldRev.object(num)?.value
      if (isDict(type) && (isName(get(type, 'Type'), 'XRef') || isName(get(type, 'Type'), 'ObjStm'))) continue
      problems.add(`Đối tượng ${num} đã bị xoá.`)
    }
  }
  return [...problems]
}

export type CompareSignedRevisionsOptions = {
  pdf: Uint8Array
  /** where each signed revision ends (its ByteRange's last byte + 1), in file order */
  revisionEnds: number[]
}

/**
 * @returns for each revision, the changes the final file makes that a later signature may
 *   not make (empty: only signatures and allowed stamps were added)
 */
export const compareSignedRevisions = ({ pdf, revisionEnds }: CompareSignedRevisionsOptions): string[][] => {
  const cache = createRevisionCache()
  let cur: Structure
  try {
    cur = structureOf(readPdfRevision(pdf, cache))
  } catch {
    return revisionEnds.map(() => ['Không đọc được cấu trúc tệp để so sánh các phiên bản đã ký.'])
  }
  return revisionEnds.map((end) => {
    if (end >= pdf.length) return []
    try {
      return compareOne(readPdfRevision(pdf.subarray(0, end), cache), cur)
    } catch {
      return ['Không đọc được phiên bản đã ký để so sánh với tệp cuối cùng.']
    }
  })
}

/**
 * Fills `changesAfter` of every signature but the last and adds a problem to those after
 * which the document changed in a way no later signature may change it.
 */
export const flagChangesAfterSignatures = (pdf: Uint8Array, signatures: SignatureCheck[]) => {
  const earlier = signatures.slice(0, -1).filter((s) => s.revisionLength !== null)
  if (earlier.length === 0) return
  const changes = compareSignedRevisions({ pdf, revisionEnds: earlier.map((s) => s.revisionLength ?? 0) })
  earlier.forEach((s, i) => {
    s.changesAfter = changes[i] ?? []
    if (s.changesAfter.length > 0)
      s.problems.push(`Văn bản đã bị thay đổi sau chữ ký này: ${s.changesAfter.join(' ')}`)
  })
}
