import { describe, expect, it } from 'vitest'
import { detectFacet, detectFacets } from '../../../knowledge/answer/detect-facet.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'

const synonyms = loadSynonyms()
const facet = (text: string) => detectFacet({ text, synonyms })

describe('detectFacet', () => {
  it.each([
    ['làm căn cước cần giấy tờ gì', 'documents'],
    ['hồ sơ đăng ký kết hôn gồm những gì', 'documents'],
    ['đi làm hộ chiếu cần mang theo gì', 'documents'],
    ['lý lịch tư pháp phí bao nhiêu', 'fees'],
    ['đổi căn cước mất bao nhiêu tiền', 'fees'],
    ['dang ky khai sinh co mat le phi khong', 'fees'],
    ['bn tiền vậy ad', 'fees'],
    ['cấp hộ chiếu mất bao nhiêu ngày', 'duration'],
    ['bao lâu thì có thẻ', 'duration'],
    ['mấy ngày có kết quả', 'duration'],
    ['đăng ký kết hôn ở đâu', 'where'],
    ['nộp hồ sơ chỗ nào', 'where'],
    ['đăng ký tạm trú trực tuyến', 'online'],
    ['làm online được không', 'online'],
    ['có làm qua mạng được không', 'online'],
    ['các bước đăng ký khai sinh', 'steps'],
    ['điều kiện được cấp giấy phép', 'requirements'],
    ['căn cứ pháp lý của thủ tục này', 'legal'],
    ['xin giấy phép xây dựng phải nộp những gì', 'documents'],
    ['lam ho chieu het bao nhieu tien', 'fees'],
    ['bao giờ thì nhận được hộ chiếu', 'duration'],
    ['cap lai gplx mat may ngay', 'duration'],
    ['lam ho chieu o dau', 'where'],
    ['đăng ký qua vneid được không', 'online'],
    ['đăng ký kết hôn', 'overview'],
    ['cấp lại thẻ căn cước bị mất', 'overview'],
    ['chứng thực bản sao giấy tờ', 'overview'],
    ['giấy xác nhận tình trạng hôn nhân để đi làm hồ sơ vay ngân hàng', 'overview'],
    // a message opening with the dossier asks for its papers, unless it asks something else
    ['hồ sơ đăng ký thường trú cho con', 'documents'],
    ['ho so xin cap phep xay dung', 'documents'],
    ['giấy tờ làm hộ chiếu lần đầu', 'documents'],
    ['hồ sơ đăng ký kết hôn nộp ở đâu', 'where'],
    ['hồ sơ bị trả lại', 'overview'],
    // "địa chỉ" is a topic when it is what changes, a where-question only with a question word
    ['đổi địa chỉ trụ sở công ty', 'overview'],
    ['địa chỉ nộp hồ sơ hộ chiếu', 'where'],
    ['làm hộ chiếu địa chỉ ở đâu', 'where'],
    ['hồ sơ của tôi đã xong chưa', 'overview'],
    ['ho so dang ky ket hon', 'documents'],
    ['ho so bi tra lai', 'overview'],
    ['hồ sơ', 'overview'],
  ])('"%s" → %s', (text, expected) => {
    expect(facet(text)).toBe(expected)
  })

  it('lists several facets in the order they are asked', () => {
    expect(detectFacets({ text: 'lệ phí và thời gian giải quyết bao lâu', synonyms })).toEqual([
      'fees',
      'duration',
    ])
  })
})
