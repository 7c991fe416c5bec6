import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proceduresFile, repoRoot } from '../../helpers/paths.ts'

const runImport = (args: string[], databaseUrl: string) =>
  spawnSync(process.execPath, ['knowledge/scripts/import.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
    encoding: 'utf8',
  })

describe('npm run kb:import', () => {
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
    const lines = readFileSync(proceduresFile, 'utf8').split('\n').slice(0, 4)
    lines.splice(2, 0, '{"ma_thu_tuc": "1.000001", "ten_thu_tuc": ')
    const file = join(dir, 'bad.jsonl')
    writeFileSync(file, lines.join('\n'))
    const result = runImport([file], `file:${join(dir, 'bad.db')}`)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Nhập thất bại: Dòng 3: JSON không hợp lệ/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.stdout).toBe('')
  })

  it('exits 1 with the usage when no file is given', () => {
    const result = runImport([], `file:${join(dir, 'none.db')}`)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Cách dùng: npm run kb:import -- TỆP.jsonl')
  })
})
