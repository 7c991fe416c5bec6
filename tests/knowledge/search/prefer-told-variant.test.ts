import { describe, expect, it } from 'vitest'
import { preferToldVariant } from '../../../knowledge/search/prefer-told-variant.ts'
import { exportResult } from '../../helpers/export-names.ts'

const plain = exportResult('1.001193', 1.03)
const again = exportResult('1.004884', 1.014)
const mobile = exportResult('1.003583', 0.916)

describe('preferToldVariant', () => {
  it('moves the told variant first, a hair above the sibling it passes', () => {
    const out = preferToldVariant({ results: [plain, again, mobile], variants: ['lại'], ruledOut: [] })
    expect(out.map((r) => r.code)).toEqual(['1.004884', '1.001193', '1.003583'])
    expect(out[0]?.score).toBe(1.031)
  })

  it('moves nothing when the first holds the variant or the holder is no sibling', () => {
    expect(preferToldVariant({ results: [again, plain], variants: ['lại'], ruledOut: [] })[0]?.code).toBe(
      '1.004884',
    )
    // "lưu động" is the variant's word, but "đăng ký khai sinh lưu động" holds none of "lại"
    const results = [plain, mobile]
    expect(preferToldVariant({ results, variants: ['lại'], ruledOut: [] })).toBe(results)
  })

  it('sends a ruled-out variant below the plainer name just under it', () => {
    const joint = exportResult('1.000689', 1.76)
    const recognition = exportResult('1.001022', 1.188)
    const out = preferToldVariant({
      results: [joint, recognition],
      variants: [],
      ruledOut: ['khai sinh kết hợp'],
    })
    expect(out.map((r) => r.code)).toEqual(['1.001022', '1.000689'])
  })

  it('sends a ruled-out first below a told variant just under it', () => {
    // the register told lost: no copy can be made from it, the birth is registered again
    const copy = exportResult('2.000635', 1.2)
    const out = preferToldVariant({ results: [copy, again, plain], variants: ['lại'], ruledOut: ['bản sao'] })
    expect(out.map((r) => r.code)).toEqual(['1.004884', '2.000635', '1.001193'])
    // nothing is told: the copy stays first
    const kept = [copy, again, plain]
    expect(preferToldVariant({ results: kept, variants: [], ruledOut: ['bản sao'] })).toBe(kept)
  })
})
