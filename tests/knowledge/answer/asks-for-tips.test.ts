import { describe, expect, it } from 'vitest'
import { asksForTips } from '../../../knowledge/answer/asks-for-tips.ts'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'

const tips = (text: string) => asksForTips(foldVietnamese(text))

describe('asksForTips', () => {
  it('finds tips, tricks and suggestions, even beside a paper', () => {
    for (const text of [
      'mẹo nhớ câu lý thuyết thi bằng lái xe máy',
      'meo on thi bang lai o to',
      'gợi ý đặt tên khai sinh cho bé trai',
      'kinh nghiệm ôn thi công chức',
      'bí quyết phỏng vấn visa',
      'cách nhớ biển báo giao thông',
    ])
      expect(tips(text), text).toBe(true)
  })

  it('takes tips about an act on a paper or a fact of the records as a procedure question', () => {
    for (const text of [
      'mẹo làm hộ chiếu nhanh',
      'kinh nghiem xin giay phep xay dung, ho so gom gi',
      'gợi ý giúp tôi: đăng ký kết hôn ở đâu',
      'cấp giấy phép lái xe quốc tế mất phí bao nhiêu',
    ])
      expect(tips(text), text).toBe(false)
  })
})
