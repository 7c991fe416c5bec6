/**
 * Imports the dichvucong.gov.vn JSONL export: every line is read and validated first
 * (one bad line stops the import before anything is written), then all procedures are
 * upserted in one transaction.
 * @module
 */
import { basename } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Db } from '../db/client.ts'
import { AppError } from '../errors.ts'
import { mapPortalRecord, ZPortalRecord } from './map-portal-record.ts'
import { type ProcedureInput, ZProcedure } from './procedure.types.ts'
import { readExport, STDIN } from './read-export.ts'
import { type AsOfSource, readExportMetadata, resolveAsOf } from './resolve-as-of.ts'
import { upsertProcedures } from './upsert-procedures.ts'

export type ImportWarning = {
  line: number
  code: string
  message: string
  /** The record's procedure code, for warnings about one record. */
  procedure?: string
}

export type ImportSummary = {
  read: number
  inserted: number
  updated: number
  unchanged: number
  insertedCodes: string[]
  updatedCodes: string[]
  warnings: ImportWarning[]
  /** The date the facts were taken (YYYY-MM-DD, or YYYY-MM when only the month is known). */
  asOf: string
  /** Where that date came from: `--as-of`, the export's metadata line, or its file name. */
  asOfSource: AsOfSource
}

export type ImportProgress = { phase: 'parse' | 'write'; done: number; total: number }

export type ImportProceduresOptions = {
  db: Db
  /** `.jsonl` or `.jsonl.gz`; `-` reads standard input. */
  filePath: string
  /**
   * Date (YYYY-MM-DD or YYYY-MM) the export was taken; defaults to the export's metadata line,
   * then the date in its file name (never the file's modification time).
   */
  asOf?: string
  /** Defaults to "import:<file name>". */
  actor?: string
  onProgress?: (progress: ImportProgress) => void
}

const fail = (line: number, problem: string): never => {
  throw new AppError('UNPROCESSABLE', `Dòng ${line}: ${problem}. Không có thủ tục nào được ghi.`)
}

/**
 * @throws AppError UNPROCESSABLE naming the line of the first malformed record (nothing written),
 *   NOT_FOUND when the file cannot be read, BAD_REQUEST for a malformed `asOf`
 * @example await importProcedures({ db, filePath: 'knowledge/data/procedures/dichvucong-2026-07.jsonl.gz' })
 */
export const importProcedures = async ({
  db,
  filePath,
  asOf,
  actor = `import:${filePath === STDIN ? 'stdin' : basename(filePath)}`,
  onProgress,
}: ImportProceduresOptions): Promise<ImportSummary> => {
  if (asOf !== undefined) resolveAsOf({ asOf, filePath })
  const lines = (await readExport({ filePath })).split(/\r?\n/)
  const firstIndex = lines.findIndex((text) => text.trim() !== '')
  const metadata = firstIndex === -1 ? null : readExportMetadata(lines[firstIndex] ?? '')
  const resolved = resolveAsOf({ asOf, filePath: filePath === STDIN ? '' : filePath, metadata })
  const date = resolved.asOf
  const warnings: ImportWarning[] = []
  if (resolved.source === 'today') {
    warnings.push({
      line: 0,
      code: 'AS_OF_UNKNOWN',
      message: `tệp không cho biết số liệu lấy ngày nào; dùng ngày nhập ${date}. Hãy thêm --as-of YYYY-MM-DD`,
    })
  }
  // The metadata line describes the export; it is not a procedure.
  if (metadata) lines[firstIndex] = ''
  const byCode = new Map<string, { line: number; procedure: ProcedureInput }>()
  const total = lines.filter((text) => text.trim() !== '').length
  let read = 0
  for (const [index, text] of lines.entries()) {
    const line = index + 1
    if (text.trim() === '') continue
    read++
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      fail(line, `JSON không hợp lệ (${(error as Error).message})`)
    }
    const record = ZPortalRecord.safeParse(json)
    if (!record.success) fail(line, record.error.issues.map((issue) => issue.message).join('; '))
    const mapped = mapPortalRecord({ record: record.data!, asOf: date })
    const procedure = ZProcedure.safeParse(mapped.value)
    if (!procedure.success) {
      const problems = procedure.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      fail(line, `thủ tục "${mapped.value.code}" không hợp lệ: ${problems.join('; ')}`)
    }
    for (const warning of mapped.warnings) warnings.push({ line, ...warning, procedure: mapped.value.code })
    const code = procedure.data!.code
    const first = byCode.get(code)
    if (first) {
      warnings.push({
        line,
        code: 'DUPLICATE_CODE',
        message: `mã ${code} đã có ở dòng ${first.line}; bỏ qua dòng này`,
        procedure: code,
      })
    } else byCode.set(code, { line, procedure: procedure.data! })
    if (read % 250 === 0) onProgress?.({ phase: 'parse', done: read, total })
    // Reading 2,642 records is seconds of work: let the server answer (/healthz, chat) meanwhile.
    if (read % 50 === 0) await nextTurn()
  }
  onProgress?.({ phase: 'parse', done: read, total: read })
  const all = [...byCode.values()].map((entry) => entry.procedure)
  onProgress?.({ phase: 'write', done: 0, total: all.length })
  const result = await upsertProcedures({ db, procedures: all, actor })
  onProgress?.({ phase: 'write', done: all.length, total: all.length })
  return { read, ...result, warnings, asOf: date, asOfSource: resolved.source }
}
