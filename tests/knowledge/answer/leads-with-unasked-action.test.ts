import { describe, expect, it } from 'vitest'
import { leadsWithUnaskedAction } from '../../../knowledge/answer/leads-with-unasked-action.ts'
import { foldPhrase } from '../../../knowledge/search/load-synonyms.ts'

const words = (text: string) => new Set(foldPhrase(text).split(' '))

describe('leadsWithUnaskedAction', () => {
  it('takes a name opening with a reduction, exemption or removal as unasked when the question names no action', () => {
    const asked = words('nop thue dat hang nam')
    expect(
      leadsWithUnaskedAction({
        name: 'Giảm tiền thuê đất phải nộp của năm 2025',
        asksAction: false,
        words: asked,
      }),
    ).toBe(true)
    expect(
      leadsWithUnaskedAction({
        name: 'Miễn thuế, giảm thuế theo Hiệp định thuế đối với nhà thầu nước ngoài',
        asksAction: false,
        words: words('nhà thầu nước ngoài khai thuế'),
      }),
    ).toBe(true)
    expect(
      leadsWithUnaskedAction({
        name: 'Thủ tục xóa đăng ký thường trú',
        asksAction: false,
        words: words('đăng ký thường trú'),
      }),
    ).toBe(true)
    // returning a permit is no permit asked for
    expect(
      leadsWithUnaskedAction({
        name: 'Trả lại giấy phép thăm dò nước dưới đất, giấy phép khai thác tài nguyên nước .',
        asksAction: false,
        words: words('muốn khoan giếng thăm dò nước dưới đất cho nhà máy cần giấy phép gì'),
      }),
    ).toBe(true)
    expect(
      leadsWithUnaskedAction({
        name: 'Trả lại giấy phép khai thác khoáng sản (cấp Tỉnh)',
        asksAction: false,
        words: words('muốn trả lại giấy phép khai thác đá'),
      }),
    ).toBe(false)
  })

  it('leaves the name alone when the question holds one of its opening actions or names an action', () => {
    // "Đề nghị miễn, giảm …": either action asked is enough
    expect(
      leadsWithUnaskedAction({
        name: 'Đề nghị miễn, giảm chi phí cưỡng chế thi hành án',
        asksAction: false,
        words: words('xin giam chi phi cuong che thi hanh an'),
      }),
    ).toBe(false)
    expect(
      leadsWithUnaskedAction({
        name: 'Xóa đăng ký thường trú',
        asksAction: true,
        words: words('cắt khẩu cho bố'),
      }),
    ).toBe(false)
  })

  it('reads the opening with its marks: "sử dụng" is no "dừng", and a plain name opens with no turning action', () => {
    expect(
      leadsWithUnaskedAction({
        name: 'Sử dụng đất kết hợp đa mục đích',
        asksAction: false,
        words: words('đất đa mục đích'),
      }),
    ).toBe(false)
    expect(
      leadsWithUnaskedAction({
        name: 'Đăng ký thường trú',
        asksAction: false,
        words: words('đăng ký thường trú'),
      }),
    ).toBe(false)
  })
})
