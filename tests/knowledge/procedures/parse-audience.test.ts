import { describe, expect, it } from 'vitest'
import { parseAudience } from '../../../knowledge/procedures/parse-audience.ts'

describe('parseAudience', () => {
  it.each([
    [
      'Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam',
      ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam'],
    ],
    [
      'Công dân Việt Nam, Cán bộ, công chức, viên chức',
      ['Công dân Việt Nam', 'Cán bộ, công chức, viên chức'],
    ],
    ['Doanh nghiệp', ['Doanh nghiệp']],
    ['Không có thông tin', []],
  ])('%s', (raw, expected) => {
    expect(parseAudience(raw)).toEqual(expected)
  })
})
