import { describe, expect, it } from 'vitest'
import { dropMeasures } from '../../../knowledge/search/drop-measures.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const words = (text: string) => dropMeasures(analyzeMessage(text)).map((t) => t.text)

describe('dropMeasures', () => {
  it('drops an area between the words of a request', () => {
    expect(words('cho thuê 2 ha đất bãi bồi')).toEqual(['cho', 'thuê', 'đất', 'bãi', 'bồi'])
    expect(words('nhà có 200m2 đất vườn')).toEqual(['nhà', 'có', 'đất', 'vườn'])
    expect(words('ngập 3 sào lúa')).toEqual(['ngập', 'lúa'])
  })

  it('keeps a length, floors, money, ages, grades and a measure that ends the clause', () => {
    expect(words('tàu cá 15 mét cần giấy phép')).toEqual(['tàu', 'cá', '15', 'mét', 'cần', 'giấy', 'phép'])
    expect(words('xây nhà 3 tầng')).toEqual(['xây', 'nhà', '3', 'tầng'])
    expect(words('khách sạn 3 sao cần gì')).toEqual(['khách', 'sạn', '3', 'sao', 'cần', 'gì'])
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
  it('reads the words it stood between as a pair', async () => {
    // "Chuyển mục đích sử dụng đất" (1.013949, 1.013823) among the offers, not only building permits
    const answer = await portal.kb.answer(
      'dạ anh chị ơi, nhà em có 200m2 đất vườn, muốn chuyển lên đất ở để xây nhà cho con thì xin phép ở đâu ạ',
    )
    expect(offeredCodes(answer)).toContain('1.013949')
  })
})
