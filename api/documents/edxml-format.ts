/**
 * How values are written on the national document axis (QCVN 102:2016/BTTTT edXML, as
 * vendors' SDKs exchange them): dates `yyyy/MM/dd`, timestamps `yyyy/MM/dd HH:mm:ss` in
 * Vietnam time, number and notation apart, the DocumentId `sender,yyyy/MM/dd,number/notation`,
 * and the DocumentType code list of `knowledge/data/edxml-document-types.json`.
 * @module
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016'

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000

/** `2026-03-05` → `2026/03/05` */
export const toEdxmlDate = (isoDate: string) => isoDate.slice(0, 10).replaceAll('-', '/')

/** an instant → `yyyy/MM/dd HH:mm:ss` in Vietnam time (UTC+7, no daylight saving) */
export const toEdxmlTimestamp = (instant: string | Date) => {
  const local = new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString()
  return `${local.slice(0, 10).replaceAll('-', '/')} ${local.slice(11, 19)}`
}

const DATE_FORMS = [
  // yyyy/MM/dd or yyyy-MM-dd, optional time, optional ISO zone
  /^(?<y>\d{4})[/-](?<m>\d{1,2})[/-](?<d>\d{1,2})(?:[ T](?<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?$/,
  // dd/MM/yyyy, optional time (some provincial systems)
  /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})(?: (?<time>\d{1,2}:\d{2}(?::\d{2})?))?$/,
]

/**
 * Reads a date or timestamp as the axis writes it (Vietnam time unless a zone is given).
 * @returns `{ date: 'YYYY-MM-DD', instant: ISO-8601 UTC }`, or undefined when unreadable
 */
export const parseEdxmlDate = (raw: string | undefined) => {
  const value = raw?.trim()
  if (!value) return undefined
  for (const form of DATE_FORMS) {
    const g = form.exec(value)?.groups
    if (!g) continue
    const pad = (s: string | undefined, n = 2) => (s ?? '0').padStart(n, '0')
    const date = `${g['y']}-${pad(g['m'])}-${pad(g['d'])}`
    const [hh, mm, ss] = (g['time'] ?? '00:00:00').split(':')
    const zone = g['zone']
      ? g['zone'] === 'Z'
        ? 'Z'
        : g['zone'].replace(/(\d{2})(\d{2})$/, '$1:$2')
      : '+07:00'
    const instant = new Date(`${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${zone}`)
    if (Number.isNaN(instant.getTime())) return undefined
    // 2026-02-31 would roll over: refuse it
    const check = new Date(`${date}T12:00:00Z`)
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return undefined
    return { date, instant: instant.toISOString() }
  }
  return undefined
}

/**
 * `123/QĐ-STP` → number `123`, notation `QĐ-STP`; a notation without a number (`QĐ-STP`)
 * keeps an empty number. An explicit number wins when the notation does not start with it.
 */
export const splitNotation = (notation: string, codeNumber?: string) => {
  const slash = notation.indexOf('/')
  const head = slash > 0 ? notation.slice(0, slash) : ''
  if (codeNumber) {
    return { codeNumber, codeNotation: head === codeNumber ? notation.slice(slash + 1) : notation }
  }
  if (/^\d+[a-zA-Z]?$/.test(head)) return { codeNumber: head, codeNotation: notation.slice(slash + 1) }
  return { codeNumber: '', codeNotation: notation }
}

/** number `123` and notation `QĐ-STP` → `123/QĐ-STP` (a notation already carrying the number stays) */
export const joinNotation = (codeNumber: string | undefined, codeNotation: string) => {
  const number = codeNumber?.trim()
  if (!number || codeNotation.startsWith(`${number}/`)) return codeNotation
  return `${number}/${codeNotation}`
}

/** `sender,yyyy/MM/dd,number/notation` */
export const edxmlDocumentId = (senderAgency: string, promulgatedAt: string, notation: string) =>
  `${senderAgency},${toEdxmlDate(promulgatedAt)},${notation}`

const ZDocumentTypes = z.object({
  source: z.string(),
  types: z.record(z.string(), z.string()),
  administrative: z.array(z.object({ typeDetail: z.number().int(), name: z.string() })),
  legalNormative: z.array(z.string()),
})

let documentTypes: z.infer<typeof ZDocumentTypes> | undefined

const loadDocumentTypes = () => {
  documentTypes ??= ZDocumentTypes.parse(
    JSON.parse(
      readFileSync(new URL('../../knowledge/data/edxml-document-types.json', import.meta.url), 'utf8'),
    ),
  )
  return documentTypes
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi')

/**
 * The DocumentType of a type name (`Công văn` → Type 1, TypeDetail 18). A name outside the
 * list is sent as written with TypeDetail 0.
 */
export const documentTypeOf = (name: string) => {
  const list = loadDocumentTypes()
  const wanted = fold(name)
  const admin = list.administrative.find((t) => fold(t.name) === wanted)
  if (admin) return { type: '1', typeDetail: String(admin.typeDetail), typeName: admin.name }
  const legal = list.legalNormative.find((t) => fold(t) === wanted)
  if (legal) return { type: '2', typeDetail: '0', typeName: legal }
  return { type: '1', typeDetail: '0', typeName: name.normalize('NFC').trim() }
}

/**
 * The type name of a received DocumentType: TypeName when present, else TypeDetail from the
 * list, else a Type that is itself a detail code (SDKs that send 18 in Type for Công văn).
 */
export const documentTypeName = (t: { type?: string; typeDetail?: string; typeName?: string }) => {
  if (t.typeName?.trim()) return t.typeName.normalize('NFC').trim()
  const list = loadDocumentTypes().administrative
  const byCode = (code?: string) => list.find((x) => String(x.typeDetail) === code?.trim())?.name
  return byCode(t.typeDetail) ?? (Number(t.type) > 2 ? byCode(t.type) : undefined)
}
