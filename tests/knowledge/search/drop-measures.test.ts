import { describe, expect, it } from 'vitest'
import { dropMeasures } from '../../../knowledge/search/drop-measures.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const words = (text: string) => dropMeasures(analyzeMessage(text)).map((t) => t.text)

describe('dropMeasures', () => {
  it('drops an area or a length between the words of a request', () => {
    expect(words('cho thuê 2 ha đất bãi bồi')).toEqual(['cho', 'thuê', 'đất', 'bãi', 'bồi'])
    expect(words('nhà có 200m2 đất vườn')).toEqual(['nhà', 'có', 'đất', 'vườn'])
    expect(words('tàu cá 15 mét cần giấy phép')).toEqual(['tàu', 'cá', 'cần', 'giấy', 'phép'])
  })

  it('keeps floors, money, ages, grades and a measure that ends the clause', () => {
    expect(words('xây nhà 3 tầng')).toEqual(['xây', 'nhà', '3', 'tầng'])
    expect(words('hàng dưới 5 triệu')).toEqual(['hàng', 'dưới', '5', 'triệu'])
    expect(words('thẻ cho trẻ 14 tuổi')).toEqual(['thẻ', 'cho', 'trẻ', '14', 'tuổi'])
    expect(words('mua đất 200m2, làm sổ')).toEqual(['mua', 'đất', '200m2', 'làm', 'sổ'])
  })

  it('returns the same tokens when there is none', () => {
    const typed = analyzeMessage('đăng ký tạm trú')
    expect(dropMeasures(typed)).toBe(typed)
  })
})

describeOnPortal('a measure between the words of a request, on the portal export', (portal) => {
  it('reads the words it stood between as a pair', () => {
    // "Tàu cá … cần xin giấy phép khai thác thủy sản lần đầu": the licence first, not a vessel's registration
    expect(
      portal.kb.search('Tàu cá 15 mét của tôi cần xin giấy phép khai thác thủy sản lần đầu', { limit: 3 })[0]
        ?.code,
    ).toBe('1.004359')
  })
})
