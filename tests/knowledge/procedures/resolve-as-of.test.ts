import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getProcedure } from '../../../knowledge/procedures/get-procedure.ts'
import { importProcedures } from '../../../knowledge/procedures/import-procedures.ts'
import { readExportMetadata, resolveAsOf } from '../../../knowledge/procedures/resolve-as-of.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'
import { repoRoot } from '../../helpers/paths.ts'
import { readCases } from '../../helpers/read-cases.ts'

/** Real records, lines copied unchanged from the official export dichvucong-2026-07.jsonl. */
const SLICE = fileURLToPath(
  new URL('../../fixtures/procedures/dichvucong-2026-07-slice.jsonl', import.meta.url),
)

describe('resolveAsOf', () => {
  it.each(readCases('as-of'))('reads the date from the file name %s', (filePath, asOf) => {
    expect(resolveAsOf({ filePath })).toEqual({ asOf, source: 'file-name' })
  })

  it('prefers --as-of, then the metadata line, then the file name', () => {
    const metadata = readExportMetadata('{"_meta": {"exported_at": "2026-06-30T23:10:00Z"}}')
    expect(resolveAsOf({ asOf: '2026-07-15', filePath: 'dichvucong-2026-07.jsonl', metadata })).toEqual({
      asOf: '2026-07-15',
      source: 'option',
    })
    expect(resolveAsOf({ filePath: 'dichvucong-2026-07.jsonl', metadata })).toEqual({
      asOf: '2026-06-30',
      source: 'metadata',
    })
  })

  it('never takes a procedure line for metadata', () => {
    const line = readFileSync(SLICE, 'utf8').split('\n')[0] ?? ''
    expect(readExportMetadata(line)).toBeNull()
  })

  it.each([['2026-13'], ['2026-02-30'], ['15/07/2026']])('rejects the date %s', (asOf) => {
    expect(() => resolveAsOf({ asOf, filePath: 'x.jsonl' })).toThrow(/không đúng dạng/)
  })

  it('uses the import day, and says so, when nothing names a date (never the modification time)', () => {
    expect(resolveAsOf({ filePath: '/tmp/upload.jsonl', today: '2026-08-01' })).toEqual({
      asOf: '2026-08-01',
      source: 'today',
    })
  })
})

describe('importProcedures as-of date', () => {
  let t: TestDb
  let dir: string
  beforeAll(async () => {
    t = await createTestDb()
    dir = mkdtempSync(join(tmpdir(), 'trolyso-asof-'))
  })
  afterAll(() => {
    t?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('dates the facts from the file name, not the file time', async () => {
    const file = join(dir, 'dichvucong-2026-07.jsonl')
    copyFileSync(SLICE, file)
    utimesSync(file, new Date('2031-01-02T00:00:00Z'), new Date('2031-01-02T00:00:00Z'))
    const summary = await importProcedures({ db: t.db, filePath: file })
    expect(summary).toMatchObject({ asOf: '2026-07', asOfSource: 'file-name', inserted: 14 })
    expect((await getProcedure({ db: t.db, code: '1.014063' }))?.asOf).toBe('2026-07')
  })

  it('reads a gzip export and its metadata line', async () => {
    const file = join(dir, 'export.jsonl.gz')
    const meta = JSON.stringify({ _meta: { as_of: '2026-07-15', source: 'dichvucong.gov.vn' } })
    writeFileSync(file, gzipSync(`${meta}\n${readFileSync(SLICE, 'utf8')}`))
    const summary = await importProcedures({ db: t.db, filePath: file })
    expect(summary).toMatchObject({ read: 14, asOf: '2026-07-15', asOfSource: 'metadata' })
  })

  it('warns when no date is named and the import day is used', async () => {
    const file = join(dir, 'upload.jsonl')
    copyFileSync(SLICE, file)
    utimesSync(file, new Date('2020-01-02T00:00:00Z'), new Date('2020-01-02T00:00:00Z'))
    const summary = await importProcedures({ db: t.db, filePath: file })
    expect(summary.asOfSource).toBe('today')
    expect(summary.asOf).toBe(new Date().toISOString().slice(0, 10))
    expect(summary.warnings.map((w) => w.code)).toContain('AS_OF_UNKNOWN')
  })

  it('says which date the command line import used', () => {
    const file = join(dir, 'dichvucong-2026-07.jsonl')
    const result = spawnSync(process.execPath, ['knowledge/scripts/import.ts', file], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}`, NODE_ENV: 'test' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Số liệu tháng 07/2026 (2026-07, theo tên tệp).')
  })
})
