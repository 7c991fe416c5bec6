import { describe, expect, it } from 'vitest'
import { parseSteps } from '../../../knowledge/procedures/parse-steps.ts'

describe('parseSteps', () => {
  it('groups lines under each "Bước"', () => {
    expect(parseSteps('Bước 1: Thụ lý\n\nNếu khiếu nại thuộc thẩm quyền…\nBước 2: Kiểm tra lại')).toEqual([
      'Bước 1: Thụ lý Nếu khiếu nại thuộc thẩm quyền…',
      'Bước 2: Kiểm tra lại',
    ])
  })

  it('keeps one step per line for text without "Bước"', () => {
    expect(parseSteps('- Nộp hồ sơ tại xã.  \n- Nhận kết quả.')).toEqual([
      '- Nộp hồ sơ tại xã.',
      '- Nhận kết quả.',
    ])
  })

  it('returns no steps for the placeholder', () => {
    expect(parseSteps('Không có thông tin')).toEqual([])
  })
})
