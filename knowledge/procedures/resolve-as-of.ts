/**
 * The date the facts of an export were taken ("as of"), and where it came from: the
 * operator's `--as-of`, the export's own metadata line, or its file name
 * (`dichvucong-2026-07.jsonl`, `.jsonl.gz` → 2026-07). Never the file's modification time:
 * copying or unpacking a file changes that without the facts changing.
 * @module
 */
import { basename } from 'node:path'
import { AppError } from '../errors.ts'

/** A day (2026-07-15) or, when only the month is known, the month (2026-07). */
export const AS_OF_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/

/** `today`: nothing named a date, so the import's own day is used and the summary says so. */
export type AsOfSource = 'option' | 'metadata' | 'file-name' | 'today'

export type ResolvedAsOf = { asOf: string; source: AsOfSource }

export type ResolveAsOfOptions = {
  /** Given by the operator (`--as-of`, `?asOf=`); wins over everything else. */
  asOf?: string | undefined
  filePath: string
  /** The export's metadata line, if it has one (see `readExportMetadata`). */
  metadata?: Record<string, unknown> | null
  /** Defaults to the current day (UTC). */
  today?: string
}

const isDate = (value: string): boolean => {
  if (!AS_OF_PATTERN.test(value)) return false
  const [y, m, d] = value.split('-').map(Number)
  if (d === undefined) return true
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d))
  return date.getUTCMonth() === (m ?? 1) - 1 && date.getUTCDate() === d
}

const METADATA_KEYS = [
  'as_of',
  'asOf',
  'exported_at',
  'exportedAt',
  'generated_at',
  'crawled_at',
  'ngay_xuat',
]

/**
 * A first line that is not a procedure but describes the export
 * (`{"_meta": {"as_of": "2026-07-15"}}` or `{"exported_at": "2026-07-15T02:00:00Z"}`).
 * @returns the metadata object, or null when the line is a procedure or not JSON
 */
export const readExportMetadata = (line: string): Record<string, unknown> | null => {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return null
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null
  const record = json as Record<string, unknown>
  if ('ma_thu_tuc' in record) return null
  const meta = record['_meta']
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) return meta as Record<string, unknown>
  return METADATA_KEYS.some((key) => key in record) ? record : null
}

const fromMetadata = (metadata: Record<string, unknown>): string | null => {
  for (const key of METADATA_KEYS) {
    const value = metadata[key]
    if (typeof value !== 'string') continue
    const date = /^(\d{4}-\d{2}(?:-\d{2})?)/.exec(value.trim())?.[1]
    if (date && isDate(date)) return date
  }
  return null
}

/** "dichvucong-2026-07.jsonl", "export_2026-07-15.jsonl.gz" → "2026-07", "2026-07-15". */
const fromFileName = (filePath: string): string | null => {
  const name = basename(filePath)
  const found = [...name.matchAll(/(?<!\d)(\d{4}-\d{2}(?:-\d{2})?)(?!\d)/g)].map((m) => m[1] ?? '')
  return found.reverse().find(isDate) ?? null
}

/**
 * When neither the option, the metadata nor the file name gives a date, the import's own day is
 * used (source `today`), which the import reports as a warning.
 * @throws AppError BAD_REQUEST for a malformed `asOf`
 * @example resolveAsOf({ filePath: 'dichvucong-2026-07.jsonl' }) // { asOf: '2026-07', source: 'file-name' }
 */
export const resolveAsOf = ({
  asOf,
  filePath,
  metadata = null,
  today = new Date().toISOString().slice(0, 10),
}: ResolveAsOfOptions): ResolvedAsOf => {
  if (asOf !== undefined) {
    if (!isDate(asOf))
      throw new AppError('BAD_REQUEST', `Ngày "${asOf}" không đúng dạng YYYY-MM-DD hoặc YYYY-MM`)
    return { asOf, source: 'option' }
  }
  const meta = metadata ? fromMetadata(metadata) : null
  if (meta) return { asOf: meta, source: 'metadata' }
  const named = fromFileName(filePath)
  if (named) return { asOf: named, source: 'file-name' }
  return { asOf: today, source: 'today' }
}

/** "2026-07-15" → "ngày 15/07/2026", "2026-07" → "tháng 07/2026". */
export const describeAsOf = (asOf: string): string => {
  const [y, m, d] = asOf.split('-')
  return d ? `ngày ${d}/${m}/${y}` : `tháng ${m}/${y}`
}
