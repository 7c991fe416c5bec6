import { describe, expect, it } from 'vitest'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import { mapPortalRecord, ZPortalRecord } from '../../../knowledge/procedures/map-portal-record.ts'
import { ZProcedure } from '../../../knowledge/procedures/procedure.types.ts'
import {
  loadStarterProcedures,
  seedStarterProcedures,
} from '../../../knowledge/procedures/seed-starter-procedures.ts'
import { useTestDb } from '../../helpers/create-test-db.ts'
import { readProceduresText } from '../../helpers/paths.ts'

describe('seedStarterProcedures', () => {
  const test = useTestDb()

  it('seeds at least 60 valid procedures into an empty database, then nothing', async () => {
    const inserted = await seedStarterProcedures({ db: test.db })
    expect(inserted).toBeGreaterThanOrEqual(60)
    const stored = await listProcedures({ db: test.db })
    expect(stored).toHaveLength(inserted)
    for (const { revision, contentHash, updatedAt, ...input } of stored) {
      expect(ZProcedure.parse(input)).toEqual(input)
      expect(input).toMatchObject({ source: 'dichvucong.gov.vn', asOf: '2026-07-15' })
      expect(input.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\//)
    }
    expect(await seedStarterProcedures({ db: test.db })).toBe(0)
  })

  it('covers the topics citizens ask about most', async () => {
    const names = (await loadStarterProcedures()).map((p) => p.name.toLowerCase())
    for (const topic of [
      'khai sinh',
      'kết hôn',
      'khai tử',
      'thẻ căn cước',
      'thường trú',
      'tạm trú',
      'hộ chiếu',
      'giấy phép lái xe',
      'đăng ký xe',
      'lý lịch tư pháp',
      'chứng thực',
      'hộ kinh doanh',
      'giấy chứng nhận quyền sử dụng đất',
      'giấy phép xây dựng',
      'bảo hiểm xã hội một lần',
      'thai sản',
      'bhyt',
    ]) {
      expect(
        names.some((name) => name.includes(topic)),
        topic,
      ).toBe(true)
    }
  })

  it('keeps every fact of the official record except the shortened steps', async () => {
    const starter = await loadStarterProcedures()
    const wanted = new Set(starter.map((p) => p.code))
    const official = new Map<string, unknown>()
    for (const line of readProceduresText().split('\n')) {
      if (!line.trim()) continue
      const record = ZPortalRecord.parse(JSON.parse(line))
      if (wanted.has(record.ma_thu_tuc) && !official.has(record.ma_thu_tuc)) {
        official.set(record.ma_thu_tuc, mapPortalRecord({ record, asOf: '2026-07-15' }).value)
      }
    }
    for (const { steps, ...facts } of starter) {
      expect(steps.length).toBeGreaterThan(0)
      expect(steps.every((step) => step.length <= 400)).toBe(true)
      expect({ ...(official.get(facts.code) as object), steps: undefined }).toEqual({
        ...facts,
        steps: undefined,
      })
    }
  })
})
