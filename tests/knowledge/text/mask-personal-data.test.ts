import { describe, expect, it } from 'vitest'
import { maskPersonalData } from '../../../knowledge/text/mask-personal-data.ts'

describe('maskPersonalData', () => {
  it.each([
    ['số căn cước 001099012345 bị mất', 'số căn cước *** bị mất', ['id_number']],
    ['cccd 001 099 012 345', 'cccd ***', ['id_number']],
    ['CMND 123456789 cũ', 'CMND *** cũ', ['id_number']],
    ['gọi 0912345678 nhé', 'gọi *** nhé', ['phone']],
    ['sđt 0912.345.678', 'sđt ***', ['phone']],
    ['sđt 091 234 5678', 'sđt ***', ['phone']],
    ['số +84 912 345 678', 'số ***', ['phone']],
    ['số 84912345678', 'số ***', ['phone']],
    ['máy bàn 024-3812-3456', 'máy bàn ***', ['phone']],
    ['email nguyen.van.a@gmail.com giúp', 'email *** giúp', ['email']],
    ['mail lê_thị@cơquan.gov.vn', 'mail ***', ['email']],
    // Separators people type, full-width digits and the +84 / 0084 forms.
    ['cccd 079.203.010.222 nhé', 'cccd *** nhé', ['id_number']],
    ['cccd 079-203-010-333.', 'cccd ***.', ['id_number']],
    ['cccd 079–203–010–444', 'cccd ***', ['id_number']],
    ['CMND 012-345-678', 'CMND ***', ['id_number']],
    ['cccd ０７９２０３０１０２２２', 'cccd ***', ['id_number']],
    ['cccd\u00a0079\u00a0203\u00a0010\u00a0555', 'cccd ***', ['id_number']],
    ['gọi (0915) 010-222 nhé', 'gọi *** nhé', ['phone']],
    ['gọi (0915)010222', 'gọi ***', ['phone']],
    ['số (+84) 915 010 222', 'số ***', ['phone']],
    ['số +84-915-010-222', 'số ***', ['phone']],
    ['số +84 (0) 915 010 222', 'số ***', ['phone']],
    ['số 0084 915 010 222', 'số ***', ['phone']],
    ['số ０９１５０１０２２２', 'số ***', ['phone']],
    ['số ＋８４ ９１５ ０１０ ２２２', 'số ***', ['phone']],
    ['số 0915 – 010 – 222', 'số ***', ['phone']],
    ['(số 0912345678)', '(số ***)', ['phone']],
    ['gọi 0912345678 - 0987654321', 'gọi *** - ***', ['phone']],
    ['email ａ＠ｂ．ｖｎ', 'email ***', ['email']],
  ])('masks %j', (input, masked, kinds) => {
    const result = maskPersonalData(input)
    expect(result.text).toBe(masked)
    expect(result.found).toEqual(kinds)
  })

  it.each([
    ['thủ tục 1.014064 phí bao nhiêu'],
    ['lệ phí 70.000 đồng'],
    ['phạt 100.000.000 đồng'],
    ['ngày 15/07/2026'],
    ['năm 2025 có 12 tháng'],
    ['lệ phí 70.000 - 100.000 đồng'],
    ['phạt 1.000.000.000.000 đồng'],
    ['vốn 123.456.789 đồng'],
    ['giờ làm việc (7:30 - 17:00)'],
  ])('keeps %j unchanged', (input) => {
    expect(maskPersonalData(input)).toEqual({ text: input, found: [] })
  })

  it('reports every kind found in one message', () => {
    const result = maskPersonalData('tôi 0912345678, a@b.vn, căn cước 001099012345')
    expect(result.text).toBe('tôi ***, ***, căn cước ***')
    expect(result.found.sort()).toEqual(['email', 'id_number', 'phone'])
  })
})

describe('receipt codes', () => {
  it('keeps a one-stop receipt code whole (it names an application, not a person) and masks what is beside it', () => {
    const masked = maskPersonalData('hồ sơ 000.00.12.H56-260101-0001 của tôi, sđt 0915 010 222')
    expect(masked.text).toBe('hồ sơ 000.00.12.H56-260101-0001 của tôi, sđt ***')
    expect(masked.found).toEqual(['phone'])
  })
})
