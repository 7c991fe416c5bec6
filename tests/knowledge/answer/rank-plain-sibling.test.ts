import { describe, expect, it } from 'vitest'
import {
  findPlainSibling,
  mainWordsOf,
  rankPlainSiblings,
} from '../../../knowledge/answer/rank-plain-sibling.ts'
import { exportResult } from '../../helpers/export-names.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

// 1.002268 "Đăng ký khai thác tuyến, bổ sung hoặc thay thế phương tiện … giữa Việt Nam, Lào và Campuchia"
// 1.002847 "Đăng ký khai thác tuyến, bổ sung, thay thế phương tiện … giữa Việt Nam và Lào"
// 1.011476 "Cấp lại Giấy chứng nhận vùng an toàn dịch bệnh động vật cấp tỉnh và vùng an toàn dịch bệnh phục vụ xuất khẩu"
// 1.011479 "Cấp lại Giấy chứng nhận vùng an toàn dịch bệnh động vật (trừ vùng an toàn dịch bệnh cấp tỉnh …)"
const route = { uncovered: ['doanh', 'nghiep', 'xe'], idfCoverage: 0.783 }

describe('a name that adds unasked words to a found sibling', () => {
  it('ranks just below the sibling when it covers nothing more of the question', () => {
    const longer = exportResult('1.002268', 1.876, { ...route, fit: 0 })
    const plain = exportResult('1.002847', 1.772, { ...route, fit: 0 })
    expect(findPlainSibling(longer, [longer, plain])?.code).toBe('1.002847')
    const ranked = rankPlainSiblings({ results: [longer, plain] })
    expect(ranked.map((r) => r.code)).toEqual(['1.002847', '1.002268'])
    expect(ranked[1]?.score).toBe(1.771)
  })

  it('stays first when it covers a question word the sibling lacks, or the sibling does not fit', () => {
    const longer = exportResult('1.002268', 1.876, { uncovered: ['xe'], idfCoverage: 0.8, fit: 0 })
    const plain = exportResult('1.002847', 1.772, {
      uncovered: ['xe', 'campuchia'],
      idfCoverage: 0.7,
      fit: 0,
    })
    expect(findPlainSibling(longer, [longer, plain])).toBeNull()
    const misfit = exportResult('1.002847', 1.572, { ...route, fit: -0.2 })
    expect(findPlainSibling(exportResult('1.002268', 1.876, { ...route, fit: 0 }), [misfit])).toBeNull()
  })

  it('reads the level a name is carried out at as no added words', () => {
    expect(
      mainWordsOf(
        'Giải quyết tố cáo đối với lực lượng Công an nhân dân thực hiện tại cấp xã (phải là cán bộ)',
      ),
    ).toEqual(mainWordsOf('Giải quyết tố cáo đối với lực lượng Công an nhân dân (thực hiện tại cấp tỉnh)'))
  })

  it('reads what a bracket leaves out as no added words', () => {
    expect(
      mainWordsOf(
        'Cấp lại Giấy chứng nhận vùng an toàn dịch bệnh động vật (trừ vùng an toàn dịch bệnh cấp tỉnh)',
      ),
    ).toEqual(mainWordsOf('Cấp lại Giấy chứng nhận vùng an toàn dịch bệnh động vật'))
    const excepting = exportResult('1.011479', 1.5, { uncovered: [], idfCoverage: 1, fit: 0 })
    const longer = exportResult('1.011476', 1.4, { uncovered: [], idfCoverage: 1, fit: 0 })
    expect(findPlainSibling(excepting, [excepting, longer])).toBeNull()
    const longerFirst = { ...longer, score: 1.6 }
    expect(findPlainSibling(longerFirst, [longerFirst, excepting])?.code).toBe('1.011479')
  })
})

describeOnPortal('plain siblings on the portal export', (portal) => {
  it.each([
    ['doanh nghiệp muốn đăng ký khai thác tuyến xe khách Việt Nam - Lào', '1.002847'],
    ['xin cấp lại giấy chứng nhận vùng an toàn dịch bệnh động vật', '1.011479'],
  ])('"%s" finds %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 1 })[0]?.code).toBe(code)
  })
})
