import { describe, expect, it } from 'vitest'
import { parseLevels } from '../../../knowledge/procedures/parse-levels.ts'

describe('parseLevels', () => {
  it.each([
    ['Cấp bộ, Cấp tỉnh, Cấp xã', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã']],
    ['Cấp xã', ['Cấp xã']],
    ['Không có thông tin', []],
  ])('%s', (raw, expected) => {
    expect(parseLevels(raw)).toEqual(expected)
  })
})
