import { describe, expect, it } from 'vitest'
import { cleanText, parseOptionalText } from '../../../knowledge/procedures/parse-text.ts'

describe('parseOptionalText', () => {
  it.each([
    ['Không có thông tin', null],
    ['  Không có thông tin ', null],
    ['', null],
    [null, null],
    ['Công an cấp Xã', 'Công an cấp Xã'],
    ['Bộ  Công an\n', 'Bộ Công an'],
  ])('%j → %j', (raw, expected) => {
    expect(parseOptionalText(raw)).toBe(expected)
  })

  it('normalises decomposed Vietnamese to NFC', () => {
    const decomposed = 'Cấp xã'.normalize('NFD')
    expect(cleanText(decomposed)).toBe('Cấp xã'.normalize('NFC'))
  })
})
