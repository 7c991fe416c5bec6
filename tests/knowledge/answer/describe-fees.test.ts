import { describe, expect, it } from 'vitest'
import { describeFees } from '../../../knowledge/answer/describe-fees.ts'
import type { Procedure, ProcedureChannel } from '../../../knowledge/procedures/procedure.types.ts'

const channel = (feeText: string): ProcedureChannel => ({
  kind: 'direct',
  label: 'Trực tiếp',
  durationText: null,
  workingDays: null,
  feeText,
  feeVnd: null,
  note: null,
})

describe('describeFees', () => {
  it.each([
    ['70,000 VNĐ', '70.000 đồng'],
    ['100,000 Việt Nam Đồng', '100.000 đồng'],
    ['1,500,000 VND', '1.500.000 đồng'],
    ['10 USD', '10 USD'],
  ])('writes the column "%s" as "%s", whatever the currency word ends with', (feeText, value) => {
    const rows = describeFees({ channels: [channel(feeText)] } as Procedure, '2026-12-05')
    expect(rows.map((r) => r.value)).toEqual([value])
  })
  it('adds no note for a detail that says only "Không" (1.012901)', () => {
    const rows = describeFees({ channels: [channel('Miễn phí (Không)')] } as Procedure, '2026-12-05')
    expect(rows).toEqual([{ channels: ['Trực tiếp'], label: null, value: 'Miễn phí', notes: [] }])
  })

  it.each([
    [
      '6,000,000 VNĐ(đồng/lần (Khảo nghiệm diện rộng và diện hẹp))',
      '6.000.000 đồng/lần (Khảo nghiệm diện rộng và diện hẹp)',
      [],
    ], // 2.001335
    ['80,000 VNĐ(/hồ sơ (Thông tư số 61/2023/TT-BTC))', '80.000 đồng/hồ sơ (Thông tư số 61/2023/TT-BTC)', []], // 1.011429
    ['12,000,000 VNĐ(đồng/lần)', '12.000.000 đồng/lần', []], // 1.002417
    ['100,000 VNĐ(/giấy.)', '100.000 đồng/giấy', []], // 3.000408
    [
      '1,800,000 VNĐ(/Lần. Giá trị giao dịch dưới 2,1 tỷ đồng)',
      '1.800.000 đồng/Lần',
      ['Giá trị giao dịch dưới 2,1 tỷ đồng'],
    ], // 1.011423
  ])('keeps the unit the detail starts with: "%s"', (feeText, value, notes) => {
    const rows = describeFees({ channels: [channel(feeText)] } as Procedure, '2026-12-05')
    expect(rows.map((r) => [r.value, r.notes])).toEqual([[value, notes]])
  })
})
