/**
 * Reads back the number and date trolyso stamped at issuance (stamp-issuance.ts), from the
 * stamps' /Contents, so the routing header can be checked against what the page shows.
 * @module
 */
import { STAMP_DATE_NAME, STAMP_NUMBER_NAME } from './stamp-issuance.ts'

const contentsOf = (latin1: string, name: string) => {
  const m = new RegExp(`/NM \\(${name}\\)[^]{0,2000}?/Contents <FEFF([0-9A-F]*)>`).exec(latin1)
  return m?.[1] === undefined ? null : Buffer.from(m[1], 'hex').swap16().toString('utf16le')
}

/** @returns what the stamps say (null where there is none of trolyso's) */
export const readIssuanceStamp = (pdf: Uint8Array) => {
  const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const number = contentsOf(latin1, STAMP_NUMBER_NAME)
  const date = contentsOf(latin1, STAMP_DATE_NAME)
  return {
    /** the number or number/notation written after "Số:" */
    number: number?.replace(/^Số:\s*/u, '').trim() ?? null,
    /** day, month and (when written) year */
    date: date ? [...date.matchAll(/\d+/g)].map((d) => Number(d[0])) : null,
  }
}

/** The header's number/notation and date disagree with the stamps: a sentence saying how, or null. */
export const stampMismatch = (pdf: Uint8Array, notation: string, promulgatedAt: string) => {
  const stamp = readIssuanceStamp(pdf)
  const problems: string[] = []
  const wanted = notation.normalize('NFC').trim()
  if (stamp.number !== null && wanted !== stamp.number && !wanted.startsWith(`${stamp.number}/`))
    problems.push(`số trên văn bản là "${stamp.number}", header ghi "${wanted}"`)
  if (stamp.date !== null) {
    const [year, month, day] = promulgatedAt.split('-').map(Number)
    const [d, m, y] = stamp.date
    if (d !== day || m !== month || (y !== undefined && y !== year))
      problems.push(
        `ngày trên văn bản là ${stamp.date.map((v) => String(v).padStart(2, '0')).join('/')}, header ghi ${promulgatedAt}`,
      )
  }
  return problems.length > 0
    ? `Số, ngày ban hành trong header khác với dấu trên văn bản: ${problems.join('; ')}.`
    : null
}
