import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proceduresFile, readProceduresText, repoRoot } from '../../helpers/paths.ts'

const runImport = (args: string[], databaseUrl: string, input?: string | Buffer) =>
  spawnSync(process.execPath, ['knowledge/scripts/import.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
    encoding: 'utf8',
    input,
  })

// each test runs the import script in a child process (one of them over the whole export), which
// a busy machine can slow past the default 30 s
describe('npm run kb:import', { timeout: 90_000 }, () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-cli-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('imports the export and prints a summary with warning codes', () => {
    const result = runImport([proceduresFile, '--as-of', '2026-07-15'], `file:${join(dir, 'kb.db')}`)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Đã đọc 2642 thủ tục/)
    expect(result.stdout).toMatch(/Thêm mới: +2642/)
    expect(result.stdout).toMatch(/Không đổi: +0/)
    expect(result.stdout).toMatch(/Cảnh báo: +\d+/)
    expect(result.stdout).toMatch(/ {4}DURATION_UNIT_MISSING: \d+/)
    expect(result.stdout).toMatch(/dòng \d+ \[FEE_NOT_VND\]/)
    // stderr is not a terminal here: plain progress lines, no bar.
    expect(result.stderr).toMatch(/^Đọc: \d+\/2642$/m)
    expect(result.stderr).not.toContain('█')
  })

  it('exits 1 naming the malformed line, without a stack trace', () => {
    const lines = readProceduresText().split('\n').slice(0, 4)
    lines.splice(2, 0, '{"ma_thu_tuc": "1.000001", "ten_thu_tuc": ')
    const file = join(dir, 'dichvucong-2026-07-bad.jsonl')
    writeFileSync(file, lines.join('\n'))
    const result = runImport([file], `file:${join(dir, 'bad.db')}`)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Nhập thất bại: Dòng 3: JSON không hợp lệ/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.stdout).toBe('')
  })

  it('reads a slice of the export from standard input, plain or gzip, and says which date it used', () => {
    const slice = `${readProceduresText().split('\n').slice(0, 5).join('\n')}\n`
    const plain = runImport(['-', '--as-of', '2026-07-20'], `file:${join(dir, 'stdin.db')}`, slice)
    expect(plain.status, plain.stderr).toBe(0)
    expect(plain.stdout).toMatch(/Đã đọc 5 thủ tục/)
    expect(plain.stdout).toMatch(/Số liệu ngày 20\/07\/2026 \(2026-07-20, theo --as-of\)/)
    const gz = runImport(['-', '--as-of', '2026-07-20'], `file:${join(dir, 'stdin.db')}`, gzipSync(slice))
    expect(gz.status, gz.stderr).toBe(0)
    expect(gz.stdout).toMatch(/Không đổi: +5/)
  })

  it('takes the date from the file name, and says so loudly when nothing names one', () => {
    const slice = readProceduresText().split('\n').slice(0, 2).join('\n')
    // named as the shipped export is (its full import is the first test's)
    const namedFile = join(dir, 'dichvucong-2026-07.jsonl.gz')
    writeFileSync(namedFile, gzipSync(slice))
    const named = runImport([namedFile], `file:${join(dir, 'named.db')}`)
    expect(named.status, named.stderr).toBe(0)
    expect(named.stdout).toMatch(/Số liệu tháng 07\/2026 \(2026-07, theo tên tệp\)/)
    const unnamed = runImport(['-'], `file:${join(dir, 'unnamed.db')}`, slice)
    expect(unnamed.status, unnamed.stderr).toBe(0)
    expect(unnamed.stdout).toMatch(/tệp không ghi ngày, dùng ngày nhập; hãy thêm --as-of/)
    expect(unnamed.stdout).toMatch(/AS_OF_UNKNOWN: 1/)
    const corrupt = runImport(
      ['-', '--as-of', '2026-07-20'],
      `file:${join(dir, 'corrupt.db')}`,
      gzipSync(slice).subarray(0, 40),
    )
    expect(corrupt.status).toBe(1)
    expect(corrupt.stderr).toMatch(/Nhập thất bại: Tệp từ đầu vào chuẩn nén gzip nhưng bị hỏng/)
  })

  it('exits 1 with the usage when no file is given', () => {
    const result = runImport([], `file:${join(dir, 'none.db')}`)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Cách dùng: npm run kb:import -- TỆP.jsonl')
  })
})
