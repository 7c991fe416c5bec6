import { describe, expect, it } from 'vitest'
import { clipSentences, splitSentences } from '../../../knowledge/answer/clip-sentences.ts'

describe('splitSentences', () => {
  it('cuts after sentence ends and before list items, keeping dates and numbers whole', () => {
    expect(splitSentences('Phí 10.000 đồng. - Từ 01/7/2025 giảm 50%.')).toEqual([
      'Phí 10.000 đồng.',
      'Từ 01/7/2025 giảm 50%.',
    ])
  })

  it('gives every call a list of its own, so changing one never changes a later split', () => {
    const text = 'Bản sao giấy khai sinh.  Tờ khai; Ảnh 4x6.'
    const first = splitSentences(text)
    first.push('thêm')
    first[0] = 'khác'
    expect(splitSentences(text)).toEqual(['Bản sao giấy khai sinh.', 'Tờ khai;', 'Ảnh 4x6.'])
  })
})

describe('clipSentences', () => {
  it('keeps whole sentences that fit and marks what was left out', () => {
    expect(clipSentences('Câu một. Câu hai dài hơn nhiều.', 12)).toBe('Câu một. …')
    expect(clipSentences('Câu một. Câu hai.', 100)).toBe('Câu một. Câu hai.')
  })
})
