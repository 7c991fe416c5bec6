/**
 * The claimed signing time of a PAdES signature: the signature dictionary's /M (PDF date,
 * ISO 32000-1 §7.9.4), since PAdES baseline signatures carry no CMS signing-time; shown
 * to people in Vietnam's time (+07:00).
 * @module
 */
const PDF_DATE =
  /\/M\s*\(D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(?:(\d{2})'?(\d{2})?'?)?)?\)/

/** @returns the /M of a signature dictionary's text, or null when absent or unreadable */
export const readSignatureTime = (dictText: string): Date | null => {
  const m = PDF_DATE.exec(dictText)
  if (!m) return null
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i, k) => Number(m[i] ?? (k === 1 || k === 2 ? 1 : 0)))
  const sign = m[7] === '-' ? -1 : 1
  const offset = m[7] && m[7] !== 'Z' ? sign * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0)) : 0
  const t = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s) - offset * 60_000
  return Number.isFinite(t) ? new Date(t) : null
}

/** ISO 8601 in Vietnam's time, e.g. 2026-12-03T14:05:06+07:00. */
export const vietnamTime = (date: Date) =>
  `${new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`
