import { count, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, procedureRevisions, procedures } from '../../../knowledge/db/schema/index.ts'
import { getProcedure } from '../../../knowledge/procedures/get-procedure.ts'
import { getKnowledgeBaseVersion } from '../../../knowledge/procedures/list-procedures.ts'
import type { ProcedureInput } from '../../../knowledge/procedures/procedure.types.ts'
import { hashProcedure, upsertProcedures } from '../../../knowledge/procedures/upsert-procedures.ts'
import { useTestDb } from '../../helpers/create-test-db.ts'

const procedure = (code: string, name: string): ProcedureInput => ({
  code,
  name,
  levels: ['Cấp xã'],
  field: 'Hộ tịch',
  audience: ['Công dân Việt Nam'],
  procedureType: null,
  decisionNumber: null,
  competentAgency: null,
  executingAgency: 'Ủy ban nhân dân cấp xã',
  address: null,
  channels: [
    {
      kind: 'direct',
      label: 'Trực tiếp',
      durationText: '3 Ngày làm việc',
      workingDays: 3,
      feeText: 'Miễn phí',
      feeVnd: 0,
      note: null,
    },
  ],
  documents: [{ name: 'Tờ khai', template: null, copies: '1 bản chính', group: null }],
  steps: ['Nộp hồ sơ', 'Nhận kết quả'],
  requirements: null,
  results: ['Giấy xác nhận'],
  legalBasis: [{ title: 'Luật Hộ tịch', number: '60/2014/QH13' }],
  url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x',
  source: 'dichvucong.gov.vn',
  sourceAgency: 'bo-tu-phap',
  asOf: '2026-07-15',
})

describe('upsertProcedures', () => {
  const test = useTestDb({ each: true })

  const revisionRows = async (code: string) =>
    test.db.select().from(procedureRevisions).where(eq(procedureRevisions.code, code))

  it('inserts new procedures at revision 1 with a revision row and bumps the version once', async () => {
    const result = await upsertProcedures({
      db: test.db,
      procedures: [procedure('1.000001', 'Thủ tục A'), procedure('1.000002', 'Thủ tục B')],
      actor: 'import:test.jsonl',
    })
    expect(result).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      insertedCodes: ['1.000001', '1.000002'],
      updatedCodes: [],
    })
    expect(await getProcedure({ db: test.db, code: '1.000001' })).toMatchObject({
      name: 'Thủ tục A',
      revision: 1,
    })
    expect((await revisionRows('1.000001')).map((r) => [r.revision, r.changedBy])).toEqual([
      [1, 'import:test.jsonl'],
    ])
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('1')
  })

  it('leaves identical content alone, even with a newer as-of date', async () => {
    await upsertProcedures({ db: test.db, procedures: [procedure('1.000001', 'Thủ tục A')], actor: 'seed' })
    const again = await upsertProcedures({
      db: test.db,
      procedures: [{ ...procedure('1.000001', 'Thủ tục A'), asOf: '2026-08-01' }],
      actor: 'seed',
    })
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 })
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('1')
    expect(await revisionRows('1.000001')).toHaveLength(1)
  })

  it('updates changed content to the next revision with a revision row and an audit entry', async () => {
    await upsertProcedures({ db: test.db, procedures: [procedure('1.000001', 'Thủ tục A')], actor: 'seed' })
    const changed = { ...procedure('1.000001', 'Thủ tục A'), results: ['Giấy xác nhận mới'] }
    const result = await upsertProcedures({
      db: test.db,
      procedures: [changed],
      actor: 'admin:lan',
      reason: 'sửa kết quả',
    })
    expect(result).toMatchObject({ updated: 1, updatedCodes: ['1.000001'] })
    const stored = await getProcedure({ db: test.db, code: '1.000001' })
    expect(stored).toMatchObject({
      revision: 2,
      results: ['Giấy xác nhận mới'],
      contentHash: hashProcedure(changed),
    })
    expect((await revisionRows('1.000001')).map((r) => [r.revision, r.changedBy, r.reason])).toEqual([
      [1, 'seed', 'seed'],
      [2, 'admin:lan', 'sửa kết quả'],
    ])
    const [audit] = await test.db.select().from(auditLog)
    expect(audit).toMatchObject({ actor: 'admin:lan', action: 'procedure.update', entityId: '1.000001' })
    expect(audit?.detail).toEqual({ revision: 2, reason: 'sửa kết quả', fields: ['results'] })
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('2')
  })

  it('rejects an invalid procedure before writing anything', async () => {
    await expect(
      upsertProcedures({
        db: test.db,
        procedures: [procedure('1.000001', 'A'), procedure('12', 'Thủ tục')],
        actor: 'seed',
      }),
    ).rejects.toThrow()
    expect(await test.db.select({ n: count() }).from(procedures)).toEqual([{ n: 0 }])
  })

  it('stores nothing when the write fails part way', async () => {
    await upsertProcedures({ db: test.db, procedures: [procedure('1.000001', 'Thủ tục A')], actor: 'seed' })
    await test.db.run(
      sql.raw(
        `CREATE TRIGGER refuse BEFORE INSERT ON procedure_revisions WHEN NEW.code = '1.000003' BEGIN SELECT RAISE(ABORT, 'refused'); END`,
      ),
    )
    const batch = [
      procedure('1.000001', 'Thủ tục A (sửa)'),
      procedure('1.000002', 'Thủ tục B'),
      procedure('1.000003', 'Thủ tục C'),
    ]
    await expect(upsertProcedures({ db: test.db, procedures: batch, actor: 'admin:lan' })).rejects.toThrow()
    expect(await getProcedure({ db: test.db, code: '1.000001' })).toMatchObject({
      name: 'Thủ tục A',
      revision: 1,
    })
    expect(await getProcedure({ db: test.db, code: '1.000002' })).toBeNull()
    expect(await test.db.select({ n: count() }).from(auditLog)).toEqual([{ n: 0 }])
    expect(await getKnowledgeBaseVersion({ db: test.db })).toBe('1')
  })
})
