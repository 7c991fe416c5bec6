import { describe, expect, it } from 'vitest'
import { asksForTips } from '../../../knowledge/answer/asks-for-tips.ts'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'

const tips = (text: string) => asksForTips(foldVietnamese(text))

describe('asksForTips', () => {
  it.each([
    // tips, tricks and suggestions, even beside a paper
    ['mẹo nhớ câu lý thuyết thi bằng lái xe máy', true],
    ['meo on thi bang lai o to', true],
    ['gợi ý đặt tên khai sinh cho bé trai', true],
    ['kinh nghiệm ôn thi công chức', true],
    ['bí quyết phỏng vấn visa', true],
    ['cách nhớ biển báo giao thông', true],
    // tips about an act on a paper or a fact of the records: a procedure question
    ['mẹo làm hộ chiếu nhanh', false],
    ['kinh nghiem xin giay phep xay dung, ho so gom gi', false],
    ['gợi ý giúp tôi: đăng ký kết hôn ở đâu', false],
    ['cấp giấy phép lái xe quốc tế mất phí bao nhiêu', false],
  ])('reads in "%s" a request for tips: %s', (text, asks) => {
    expect(tips(text)).toBe(asks)
  })
})
