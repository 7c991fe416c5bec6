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

  // 1.001456 (passport, online): the reduced rates ended on 31/12/2023, the record still shows them
  const passport =
    '160,000 Việt Nam Đồng(+ 160.000/hộ chiếu, trường hợp cấp lại do bị hư hỏng hoặc bị mất: 320.000đ/hộ chiếu ' +
    '(áp dụng đến hết ngày 31/12/2023 theo Thông tư số 44/2023/TT-BTC ngày 29/6/2023 của Bộ tài chính).)'
  // 1.001258 (giấy thông hành, online): a rate with only its end, in the detail
  const pass =
    '40,000 Việt Nam Đồng(40.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2024 theo Thông tư số 43/2024/TT-BTC của Bộ Tài chính).)'

  it('marks a rate given only with its end ("áp dụng đến hết ngày …") once that day has passed', () => {
    const [row] = describeFees({ channels: [channel(passport)] } as Procedure, '2026-12-05')
    // an amount is no case: "160.000/hộ chiếu, trường hợp …" is the detail of the column's 160.000
    expect(row?.label).toBeNull()
    // the column's amount is the ended rate: said so where the amount is
    expect(row?.value).toBe(
      '160.000 đồng (mức này chỉ áp dụng đến hết ngày 31/12/2023; hãy hỏi nơi nộp hồ sơ mức hiện nay)',
    )
    expect(row?.notes).toEqual([
      '160.000/hộ chiếu, trường hợp cấp lại do bị hư hỏng hoặc bị mất: 320.000đ/hộ chiếu (áp dụng đến hết ngày ' +
        '31/12/2023 theo Thông tư số 44/2023/TT-BTC ngày 29/6/2023 của Bộ tài chính) (đã hết áp dụng sau ngày 31/12/2023).',
    ])
    const [other] = describeFees({ channels: [channel(pass)] } as Procedure, '2026-12-05')
    expect([other?.value, ...(other?.notes ?? [])].join(' ')).toContain(
      '(đã hết áp dụng sau ngày 31/12/2024)',
    )
  })

  it('leaves such a rate unmarked while it still runs', () => {
    const [row] = describeFees({ channels: [channel(passport)] } as Procedure, '2023-12-31')
    expect(row?.value).toBe('160.000 đồng')
    expect(row?.notes.join(' ')).not.toContain('đã hết áp dụng')
    const [other] = describeFees({ channels: [channel(pass)] } as Procedure, '2024-06-01')
    expect([other?.value, ...(other?.notes ?? [])].join(' ')).not.toContain('đã hết áp dụng')
  })

  it('marks the column when the detail dates it and the period has ended (1.002511)', () => {
    const caption =
      '5,000,000 VNĐ(Mức phí kể từ ngày 01/7/2024 đến hết ngày 31/12/2024 theo quy định tại Thông tư số 43/2024/TT-BTC Mức phí giảm 20%:)'
    const [row] = describeFees({ channels: [channel(caption)] } as Procedure, '2026-12-05')
    expect(row?.value).toBe(
      '5.000.000 đồng (mức này chỉ áp dụng đến hết ngày 31/12/2024; hãy hỏi nơi nộp hồ sơ mức hiện nay)',
    )
    // a reduction the detail dates without being the column's caption leaves the column alone (1.014063)
    const reduction =
      '50,000 Việt Nam Đồng(Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025, mức thu lệ phí khi công dân nộp hồ sơ ' +
      'trực tuyến bằng 50% mức thu lệ phí quy định.)'
    const [other] = describeFees({ channels: [channel(reduction)] } as Procedure, '2026-12-05')
    expect(other?.value).toBe('50.000 đồng')
    expect(other?.notes[0]).toContain('(đã hết áp dụng sau ngày 31/12/2025)')
  })
})
