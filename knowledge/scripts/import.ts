/**
 * `npm run kb:import -- FILE.jsonl[.gz]|- [--as-of YYYY-MM-DD]`: imports a dichvucong.gov.vn
 * export (plain or gzip, from a path or standard input) into the database named by
 * DATABASE_URL and prints what changed.
 * @module
 */
import { parseArgs } from 'node:util'
import { createDb } from '../db/client.ts'
import { loadDatabaseSettings } from '../db/database-config.ts'
import { migrateDb } from '../db/migrate.ts'
import { AppError } from '../errors.ts'
import { type ImportProgress, type ImportSummary, importProcedures } from '../procedures/import-procedures.ts'
import { describeAsOf } from '../procedures/resolve-as-of.ts'

const USAGE =
  'Cách dùng: npm run kb:import -- TỆP.jsonl|TỆP.jsonl.gz|- [--as-of YYYY-MM-DD]  (- : đọc từ đầu vào chuẩn)'

const AS_OF_SOURCES: Record<ImportSummary['asOfSource'], string> = {
  option: 'theo --as-of',
  metadata: 'theo dòng thông tin của tệp xuất',
  'file-name': 'theo tên tệp',
  today: 'tệp không ghi ngày, dùng ngày nhập; hãy thêm --as-of',
}
const SHOWN_WARNINGS = 20

const progressReporter = (stream: NodeJS.WriteStream) => {
  const tty = stream.isTTY === true
  let lastPhase = ''
  return ({ phase, done, total }: ImportProgress): void => {
    const label = phase === 'parse' ? 'Đọc' : 'Ghi'
    if (tty) {
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      stream.write(`\r${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`)
      if (done === total) stream.write('\n')
    } else if (phase !== lastPhase || done === total) {
      stream.write(`${label}: ${done}/${total}\n`)
    }
    lastPhase = phase
  }
}

const formatSummary = (summary: ImportSummary, ms: number): string => {
  const byCode = new Map<string, number>()
  for (const warning of summary.warnings) byCode.set(warning.code, (byCode.get(warning.code) ?? 0) + 1)
  const lines = [
    `Đã đọc ${summary.read} thủ tục trong ${(ms / 1000).toFixed(1)} giây.`,
    `  Số liệu ${describeAsOf(summary.asOf)} (${summary.asOf}, ${AS_OF_SOURCES[summary.asOfSource]}).`,
    `  Thêm mới:      ${summary.inserted}`,
    `  Cập nhật:      ${summary.updated}`,
    `  Không đổi:     ${summary.unchanged}`,
    `  Cảnh báo:      ${summary.warnings.length}`,
  ]
  for (const [code, count] of [...byCode].sort((a, b) => b[1] - a[1])) lines.push(`    ${code}: ${count}`)
  if (summary.warnings.length > 0) {
    lines.push(`${Math.min(SHOWN_WARNINGS, summary.warnings.length)} cảnh báo đầu tiên:`)
    for (const warning of summary.warnings.slice(0, SHOWN_WARNINGS)) {
      lines.push(`  dòng ${warning.line} [${warning.code}] ${warning.message}`)
    }
  }
  return lines.join('\n')
}

const main = async (): Promise<void> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'as-of': { type: 'string' } },
  })
  const filePath = positionals[0]
  if (!filePath || positionals.length > 1) throw new AppError('BAD_REQUEST', USAGE)
  const db = await createDb(loadDatabaseSettings())
  try {
    await migrateDb(db)
    const started = Date.now()
    const summary = await importProcedures({
      db,
      filePath,
      asOf: values['as-of'],
      onProgress: progressReporter(process.stderr),
    })
    process.stdout.write(`${formatSummary(summary, Date.now() - started)}\n`)
  } finally {
    db.$client.close()
  }
}

main().catch((error: unknown) => {
  const message = error instanceof AppError || error instanceof Error ? error.message : String(error)
  process.stderr.write(`Nhập thất bại: ${message}\n`)
  process.exitCode = 1
})
