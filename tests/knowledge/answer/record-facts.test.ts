import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FACETS } from '../../../knowledge/answer/answer.types.ts'
import { composeAnswer, composeReply } from '../../../knowledge/answer/compose-answer.ts'
import { describeDocuments } from '../../../knowledge/answer/describe-documents.ts'
import { describeDurations, describeFees } from '../../../knowledge/answer/describe-fees.ts'
import { describeLegalBasis } from '../../../knowledge/answer/describe-legal-basis.ts'
import { describeWhere } from '../../../knowledge/answer/describe-where.ts'
import { findStepTimeLimits } from '../../../knowledge/answer/find-step-time-limits.ts'
import { recordFacts } from '../../../knowledge/answer/record-facts.ts'
import { importProcedures } from '../../../knowledge/procedures/import-procedures.ts'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'

/** Real records, lines copied unchanged from the official export dichvucong-2026-07.jsonl. */
const SLICE = fileURLToPath(
  new URL('../../fixtures/procedures/dichvucong-2026-07-slice.jsonl', import.meta.url),
)
const TODAY = '2026-07-20'

let t: TestDb
let records: Procedure[] = []

beforeAll(async () => {
  t = await createTestDb()
  await importProcedures({ db: t.db, filePath: SLICE })
  records = await listProcedures({ db: t.db })
})
afterAll(() => t?.close())

describe('record facts', () => {
  it('are what the describe functions say, for every record of the slice', () => {
    expect(records.length).toBeGreaterThan(10)
    for (const p of records) {
      const facts = recordFacts(p)
      expect(facts.where).toEqual(describeWhere(p))
      expect(facts.documents).toEqual(describeDocuments(p))
      expect(facts.durations).toEqual(describeDurations(p))
      expect(facts.stepTimeLimits).toEqual(findStepTimeLimits(p))
      expect(facts.fees(TODAY)).toEqual(describeFees(p, TODAY))
      expect(facts.legal).toEqual(describeLegalBasis(p))
      expect(facts.channels).toEqual([...new Set(p.channels.map((c) => c.label))])
      expect(recordFacts(p)).toBe(facts)
    }
  })

  it('give the same reply every time, whatever a caller did to an earlier one', () => {
    for (const p of records) {
      for (const facet of FACETS) {
        const first = composeReply({ procedure: p, facet, today: TODAY })
        const text = composeAnswer({ procedure: p, facet, today: TODAY })
        const copy = structuredClone(first)
        for (const s of first.sections) s.items.push('changed by a caller')
        first.sections.push({ title: 'changed', items: ['by a caller'] })
        expect(composeReply({ procedure: p, facet, today: TODAY })).toEqual(copy)
        expect(composeAnswer({ procedure: p, facet, today: TODAY })).toBe(text)
      }
    }
  })

  it('read the fee rows for the day asked: a reduced fee is marked as ended only after its period', () => {
    const [base] = records.filter((r) => r.channels.length > 0)
    if (!base) throw new Error('no record with channels')
    const p: Procedure = {
      ...base,
      channels: base.channels.map((c) => ({
        ...c,
        feeText: '20.000 đồng (Từ ngày 01/01/2025 đến hết ngày 31/12/2025 thu bằng 50% mức thu.)',
      })),
    }
    const during = composeAnswer({ procedure: p, facet: 'fees', today: '2025-06-01' })
    const after = composeAnswer({ procedure: p, facet: 'fees', today: TODAY })
    expect(during).toContain('thu bằng 50% mức thu')
    expect(during).not.toContain('đã hết áp dụng')
    expect(after).toContain('(đã hết áp dụng sau ngày 31/12/2025)')
    expect(composeAnswer({ procedure: p, facet: 'fees', today: '2025-06-01' })).toBe(during)
  })

  it('belong to the record object: a record read again with other facts is answered with those', () => {
    const [base] = records.filter((r) => r.channels.length > 0)
    if (!base) throw new Error('no record with channels')
    expect(composeAnswer({ procedure: base, facet: 'where', today: TODAY })).not.toContain('Sở Thử Nghiệm')
    const changed: Procedure = { ...base, executingAgency: 'Sở Thử Nghiệm', competentAgency: null }
    expect(composeReply({ procedure: changed, facet: 'where', today: TODAY }).lead).toBe(
      'Nộp hồ sơ tại Sở Thử Nghiệm.',
    )
  })
})
