import { describe, expect, it } from 'vitest'
import { detectFacet, detectFacets, detectOtherFacets } from '../../../knowledge/answer/detect-facet.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { readCases } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const facet = (text: string) => detectFacet({ text, synonyms })

describe('detectFacet', () => {
  it.each(readCases('detect-facet'))('"%s" → %s', (text, expected) => {
    expect(facet(text)).toBe(expected)
  })

  it('lists several facets in the order they are asked', () => {
    expect(detectFacets({ text: 'lệ phí và thời gian giải quyết bao lâu', synonyms })).toEqual([
      'fees',
      'duration',
    ])
  })

  it('finds the other parts asked beside the main one, not a bare noun or what has not happened', () => {
    const others = (text: string) => detectOtherFacets({ text, synonyms }, facet(text))
    expect(facet('đăng ký kết hôn cần giấy tờ gì và lệ phí bao nhiêu')).toBe('documents')
    expect(others('đăng ký kết hôn cần giấy tờ gì và lệ phí bao nhiêu')).toEqual(['fees'])
    expect(others('làm hộ chiếu mất mấy ngày, làm online được không')).toEqual(['online'])
    expect(others('làm hộ chiếu mất mấy ngày')).toEqual([])
    expect(others('hồ sơ làm sổ đỏ chưa có kết quả thì nộp ở đâu')).toEqual([])
  })

  /** Long messages that tell a story before they ask (written for this rule, in the style of the situation set). */
  it.each([
    [
      'Bố tôi mất tại nhà hôm qua sau thời gian dài bệnh nặng, cả nhà đang lo hậu sự, giờ phải đi báo tử cho ông thì cần mang giấy tờ gì?',
      'documents',
    ],
    [
      'Tôi làm nghề tự do, bán hàng online, không có công ty đóng bảo hiểm, muốn tự đóng BHXH để sau này có lương hưu thì đăng ký thế nào?',
      'overview',
    ],
    [
      'Con gái tôi lấy chồng nước ngoài, bên đó yêu cầu bỏ quốc tịch Việt Nam, cháu đang ở Việt Nam thì làm đơn ở đâu, thủ tục thế nào?',
      'where',
    ],
    [
      'toi vua mua chiec o to moi o ha noi, truoc khi dang ky xe phai dong le phi truoc ba, muc le phi la bao nhieu va khai o dau',
      'fees',
    ],
    [
      'cong ty minh co chi nhanh o da nang, do thieu kinh phi muon tam ngung hoat dong mot nam thi dang ky o dau, thu tuc j',
      'where',
    ],
    [
      'Tôi định mua mảnh đất nhưng sợ dính quy hoạch, muốn xin cung cấp thông tin quy hoạch của khu đó, gửi yêu cầu online được không?',
      'online',
    ],
  ])('reads a long message by the clause that asks: "%s" → %s', (text, expected) => {
    expect(facet(text)).toBe(expected)
    // the same message as analysed tokens, with the message beside them, as an answer reads it
    expect(detectFacet({ text: analyzeText(text), synonyms, message: text })).toBe(expected)
  })

  it('reads a short message whole, as before: two asks in one short message give the first', () => {
    expect(facet('làm hộ chiếu ở đâu, mất bao lâu')).toBe('where')
  })
})
