import { describe, expect, it } from 'vitest'
import { closesForAWhile } from '../../../knowledge/answer/closes-for-a-while.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

describe('closesForAWhile', () => {
  it.each([
    'tiệm may muốn đóng cửa 3 tháng',
    'ngừng kinh doanh vài tháng',
    'dừng hoạt động một thời gian',
    'nghi ban 2 tuan',
  ])('reads a closing for a while in "%s"', (text) => {
    expect(closesForAWhile(analyzeText(text))).toBe(true)
  })

  it.each([
    'giải thể công ty',
    'đóng cửa hẳn',
    // the span is the company's age, not the closing's
    'công ty thành lập 3 năm muốn giải thể',
    // a date is no span
    'ngừng kinh doanh từ ngày 3 tháng 5',
    'ngừng từ ngày 3 tháng 5',
    // a door is no business
    'cửa 3 tháng',
  ])('reads none in "%s"', (text) => {
    expect(closesForAWhile(analyzeText(text))).toBe(false)
  })
})
