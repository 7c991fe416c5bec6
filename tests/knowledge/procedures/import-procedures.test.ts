import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, procedureRevisions, procedures } from '../../../knowledge/db/schema/index.ts'
import { AppError } from '../../../knowledge/errors.ts'
import { getProcedure } from '../../../knowledge/procedures/get-procedure.ts'
import { type ImportSummary, importProcedures } from '../../../knowledge/procedures/import-procedures.ts'
import { getKnowledgeBaseVersion, listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'
import { proceduresFile, readProceduresText } from '../../helpers/paths.ts'

const lines = readProceduresText()
  .split('\n')
  .filter((line) => line.trim() !== '')
const lineOf = (code: string): string => {
  const line = lines.find((l) => (JSON.parse(l) as { ma_thu_tuc: string }).ma_thu_tuc === code)
  if (!line) throw new Error(`no ${code} in the export`)
  return line
}

describe('importProcedures on the dichvucong.gov.vn export', () => {
  let test: TestDb, dir: string, first: ImportSummary
  const writeFile = (name: string, content: string[]): string => {
    const path = join(dir, name)
    writeFileSync(path, `${content.join('\n')}\n`)
    return path
  }

  beforeAll(async () => {
    test = await createTestDb()
    dir = mkdtempSync(join(tmpdir(), 'trolyso-import-'))
    first = await importProcedures({ db: test.db, filePath: proceduresFile, asOf: '2026-07-15' })
  })
  afterAll(() => {
    test.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports every record of the export', async () => {
    expect(first).toMatchObject({ read: 2642, inserted: 2642, updated: 0, unchanged: 0 })
    const [row] = await test.db.select({ n: count() }).from(procedures)
    expect(row?.n).toBe(2642)
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('1')
  })

  it.each([
    [
      '1.001193',
      {
        name: 'Thủ tục đăng ký khai sinh',
        levels: ['Cấp xã'],
        field: 'Hộ tịch',
        audience: ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài'],
        decisionNumber: '163/QĐ-BTP',
        executingAgency: null,
        requirements: null,
        results: ['Giấy khai sinh'],
        url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
        source: 'dichvucong.gov.vn',
        sourceAgency: 'bo-tu-phap',
        asOf: '2026-07-15',
        revision: 1,
      },
    ],
    [
      '1.014064',
      {
        name: 'Cấp lại thẻ căn cước',
        levels: ['Cấp xã'],
        executingAgency: 'Công an cấp Xã',
        decisionNumber: '5710/QĐ-BCA-C06',
        results: ['Thẻ căn cước'],
      },
    ],
  ])('reads the name, levels, agencies and results of %s as the file states them', async (code, fields) => {
    expect(await getProcedure({ db: test.db, code })).toMatchObject(fields)
  })

  it('reads the channels, documents and legal basis of 1.001193 (khai sinh) as the file states them', async () => {
    const p = await getProcedure({ db: test.db, code: '1.001193' })
    // "Trực tuyến1Miễn phí": the portal lost the unit of the time.
    expect(p?.channels).toEqual(
      (['online', 'postal', 'direct'] as const).map((kind) => ({
        kind,
        label: { online: 'Trực tuyến', postal: 'Dịch vụ bưu chính', direct: 'Trực tiếp' }[kind],
        durationText: '1',
        workingDays: null,
        feeText: 'Miễn phí',
        feeVnd: 0,
        note: null,
      })),
    )
    expect(p?.documents).toHaveLength(33)
    expect(p?.documents[0]).toEqual({
      name: 'Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.',
      template: null,
      copies: '1 bản chính',
      group: 'Giấy tờ phải nộp',
    })
    expect(p?.documents.filter((d) => d.group === 'Giấy tờ phải xuất trình')).toHaveLength(6)
    expect(p?.documents.at(-1)).toMatchObject({ copies: '1 bản chính', group: null })
    expect(p?.documents.at(-1)?.name).toMatch(/^Mẫu hộ tịch điện tử tương tác đăng ký khai sinh/)
    expect(p?.legalBasis).toHaveLength(14)
    expect(p?.legalBasis).toContainEqual({ title: 'Luật 60/2014/QH13', number: '60/2014/QH13' })
    expect(p?.legalBasis).toContainEqual({
      title: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp',
      number: '03/2023/TT-BTP',
    })
    expect(p?.legalBasis[0]?.number).toBe('85/2019/TT-BTC')
  })

  it('reads 1.014064 (cấp lại thẻ căn cước) with its 70,000 VND fee', async () => {
    const p = await getProcedure({ db: test.db, code: '1.014064' })
    expect(p?.channels.map((c) => [c.kind, c.durationText, c.workingDays, c.feeVnd])).toEqual([
      ['direct', '7 Ngày làm việc', 7, 70000],
      ['online', '7 Ngày làm việc', 7, 70000],
      ['postal', '7 Ngày làm việc', 7, null],
    ])
    expect(p?.channels[0]?.feeText).toMatch(
      /^70,000 Việt Nam Đồng \(- Cấp lại thẻ căn cước .*64\/2025\/TT-BTC.*\)$/,
    )
    expect(p?.channels[0]?.note).toMatch(/^- Trực tiếp tại trụ sở Công an cấp xã/)
    expect(p?.channels[2]).toMatchObject({
      feeText: null,
      note: 'Trả kết quả qua dịch vụ bưu chính, trả phí theo quy định.',
    })
    expect(p?.documents[1]).toMatchObject({
      template: 'Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc',
      copies: '1 bản chính',
    })
    expect(p?.legalBasis.map((l) => l.number)).toEqual([
      '190/2025/NQ-QH15',
      '16/2024/TT-BCA',
      '17/2024/TT-BCA',
      '53/2025/TT-BCA',
      '70/2024/NĐ-CP',
      '18/2024/TT-BCA',
      '26/2023/QH15',
    ])
  })

  it('reads 3.000347 (đổi giấy phép lái xe) and 1.004222 (thường trú) fees', async () => {
    const gplx = await getProcedure({ db: test.db, code: '3.000347' })
    // the fee column says "Miễn phí" but names 135.000 đồng in its detail: the amount is unknown, not 0
    expect(gplx?.channels.map((c) => [c.kind, c.workingDays, c.feeVnd])).toEqual([
      ['online', 5, null],
      ['direct', 5, null],
    ])
    expect(gplx?.channels[0]?.feeText).toContain('Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần')
    expect(gplx?.executingAgency).toBe('Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã')
    const residence = await getProcedure({ db: test.db, code: '1.004222' })
    expect(residence?.channels.map((c) => [c.kind, c.workingDays, c.feeVnd])).toEqual([
      ['online', 7, 10000],
      ['direct', 7, 20000],
    ])
    expect(residence?.legalBasis).toContainEqual({ title: 'Luật Cư trú 2020', number: '68/2020/QH14' })
  })

  it('reports parse warnings with line numbers and codes', () => {
    const codes = new Set(first.warnings.map((w) => w.code))
    expect(codes).toContain('DURATION_UNIT_MISSING')
    expect(codes).toContain('FEE_NOT_VND')
    expect(codes).toContain('FEE_FREE_WITH_AMOUNT')
    const line = lines.findIndex((l) => l.includes('"1.000771"')) + 1
    expect(first.warnings).toContainEqual(expect.objectContaining({ line, code: 'FEE_NOT_VND' }))
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await test.db.select({ n: count() }).from(procedureRevisions)
    const again = await importProcedures({ db: test.db, filePath: proceduresFile, asOf: '2026-07-20' })
    expect(again).toMatchObject({ read: 2642, inserted: 0, updated: 0, unchanged: 2642 })
    expect(await test.db.select({ n: count() }).from(procedureRevisions)).toEqual(before)
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('1')
    const revisions = new Set((await listProcedures({ db: test.db })).map((p) => p.revision))
    expect([...revisions]).toEqual([1])
  })

  it('updates an edited record to revision 2 with a revision row and an audit entry', async () => {
    // the fee changes in the column and in its detail alike (a column alone would contradict the detail)
    const edited = lineOf('1.014064')
      .replaceAll('70,000 Việt Nam Đồng', '35,000 Việt Nam Đồng')
      .replaceAll('70.000 đồng', '35.000 đồng')
    const file = writeFile('edited.jsonl', [lineOf('1.001193'), edited])
    const summary = await importProcedures({ db: test.db, filePath: file, asOf: '2026-07-20' })
    expect(summary).toMatchObject({
      read: 2,
      inserted: 0,
      updated: 1,
      unchanged: 1,
      updatedCodes: ['1.014064'],
    })
    const p = await getProcedure({ db: test.db, code: '1.014064' })
    expect(p?.revision).toBe(2)
    expect(p?.channels[0]?.feeVnd).toBe(35000)
    const revisions = await test.db
      .select()
      .from(procedureRevisions)
      .where(eq(procedureRevisions.code, '1.014064'))
    expect(revisions.map((r) => [r.revision, r.changedBy])).toEqual([
      [1, 'import:dichvucong-2026-07.jsonl.gz'],
      [2, 'import:edited.jsonl'],
    ])
    const audits = await test.db.select().from(auditLog).where(eq(auditLog.entityId, '1.014064'))
    expect(audits).toEqual([
      expect.objectContaining({
        actor: 'import:edited.jsonl',
        action: 'procedure.update',
        entity: 'procedure',
      }),
    ])
    expect(audits[0]?.detail).toMatchObject({ revision: 2, fields: ['channels'] })
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('2')
  })

  it.each([
    ['{"ma_thu_tuc": "1.999998"', /^Dòng 3: JSON không hợp lệ/],
    ['{"ten_thu_tuc": "Thủ tục không mã"}', /^Dòng 3: thiếu ma_thu_tuc/],
    ['{"ma_thu_tuc": "1.999998"}', /^Dòng 3: thiếu ten_thu_tuc/],
    [
      '{"ma_thu_tuc": "1.01", "ten_thu_tuc": "Thủ tục mã sai"}',
      /^Dòng 3: .*mã thủ tục phải có dạng 1\.001193/,
    ],
  ])('writes nothing when a line in the middle is malformed: %s', async (bad, message) => {
    const snapshot = async () => ({
      records: await Promise.all(
        ['1.001193', ...lines.slice(0, 3).map((l) => JSON.parse(l).ma_thu_tuc as string)].map((code) =>
          getProcedure({ db: test.db, code }),
        ),
      ),
      procedures: await test.db.select({ n: count() }).from(procedures),
      revisions: await test.db.select({ n: count() }).from(procedureRevisions),
    })
    const before = await snapshot()
    const renamed = lineOf('1.001193').replace('Thủ tục đăng ký khai sinh', 'Thủ tục đăng ký khai sinh (sửa)')
    const file = writeFile('bad.jsonl', [renamed, lines[0] ?? '', bad, lines[1] ?? '', lines[2] ?? ''])
    const error = await importProcedures({ db: test.db, filePath: file, asOf: '2026-07-20' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('UNPROCESSABLE')
    expect((error as AppError).message).toMatch(message)
    expect(await snapshot()).toEqual(before)
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('2')
  })

  it('warns about a code that appears twice and keeps the first', async () => {
    const renamed = lineOf('1.001193').replace(
      'Thủ tục đăng ký khai sinh',
      'Thủ tục đăng ký khai sinh (bản trùng)',
    )
    const file = writeFile('dup.jsonl', [lineOf('1.001193'), renamed])
    const summary = await importProcedures({ db: test.db, filePath: file, asOf: '2026-07-20' })
    expect(summary).toMatchObject({ read: 2, unchanged: 1, updated: 0 })
    expect(summary.warnings).toContainEqual(expect.objectContaining({ line: 2, code: 'DUPLICATE_CODE' }))
  })

  it.each([['2026-13-45'], ['15/07/2026']])('rejects the as-of date %s', async (asOf) => {
    await expect(importProcedures({ db: test.db, filePath: proceduresFile, asOf })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
  })
})
