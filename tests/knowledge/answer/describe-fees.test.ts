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
})
