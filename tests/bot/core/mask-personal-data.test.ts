import { describe, expect, it } from 'vitest'
import { maskPersonalData } from '../../../bot/core/mask-personal-data.ts'

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
  ])('keeps %j unchanged', (input) => {
    expect(maskPersonalData(input)).toEqual({ text: input, found: [] })
  })

  it('reports every kind found in one message', () => {
    const result = maskPersonalData('tôi 0912345678, a@b.vn, căn cước 001099012345')
    expect(result.text).toBe('tôi ***, ***, căn cước ***')
    expect(result.found.sort()).toEqual(['email', 'id_number', 'phone'])
  })
})
