import { describe, expect, it } from 'vitest'
import { parseLegalBasis } from '../../../knowledge/procedures/parse-legal-basis.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const H = 'Tên văn bản pháp lýMã văn bản'

describe('parseLegalBasis', () => {
  it.each(readCaseGroup('legal-basis', 'split'))('splits %s', (raw, ...titlesAndNumbers) => {
    const value: { title: string | undefined; number: string | undefined }[] = []
    for (let i = 0; i < titlesAndNumbers.length; i += 2)
      value.push({ title: titlesAndNumbers[i], number: titlesAndNumbers[i + 1] })
    expect(parseLegalBasis(`${H}${raw}`)).toEqual({ value, warnings: [] })
  })

  it('keeps a title glued to its own date inside the row, with the space given back', () => {
    const { value } = parseLegalBasis(
      `${H}Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an53/2025/TT-BCA`,
    )
    expect(value).toEqual([
      { title: 'Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an', number: '53/2025/TT-BCA' },
    ])
  })

  // Real rows of 1.004089 and 1.000771 (dichvucong-2026-07.jsonl): several documents run together.
  it.each([
    [
      'Sửa đổi, bổ sung một số điều của Pháp lệnh ưu đãi người có công với cách mạng04/2012/UBTVQH1326/2005/PL-UBTVQH11 - Ưu đãi người có công với cách mạng26/2005/PL-UBTVQH11',
      {
        title: 'Sửa đổi, bổ sung một số điều của Pháp lệnh ưu đãi người có công với cách mạng',
        number: '04/2012/UBTVQH13',
      },
    ],
    [
      'Quy định mẫu giấy tờ liên quan đến việc nhập cảnh, xuất cảnh, cư trú của người nước ngoài tại Việt Nam04/2015/TT-BCAQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ25/2021/TT-BTC',
      {
        title:
          'Quy định mẫu giấy tờ liên quan đến việc nhập cảnh, xuất cảnh, cư trú của người nước ngoài tại Việt Nam',
        number: '04/2015/TT-BCA',
      },
    ],
  ])('keeps only the first of several glued documents and flags it: %s', (raw, first) => {
    const { value, warnings } = parseLegalBasis(`${H}${raw}`)
    expect(value[0]).toEqual(first)
    for (const entry of value) expect(entry.title).not.toMatch(/\p{Ll}\d{1,4}\/\d{4}\//u)
    expect(warnings.map((w) => w.code)).toContain('LEGAL_MALFORMED')
  })

  it('keeps a title without a number and warns', () => {
    const { value, warnings } = parseLegalBasis(`${H}Luật Căn cước26/2023/QH15Luật Hóa chất`)
    expect(value.at(-1)).toEqual({ title: 'Luật Hóa chất', number: null })
    expect(warnings.map((w) => w.code)).toEqual(['LEGAL_NUMBER_MISSING'])
  })

  it.each([['Không có thông tin'], [''], [H]])('returns nothing for %j', (raw) => {
    expect(parseLegalBasis(raw).value).toEqual([])
  })
  it('ends a number at its own last capital when the next title lost its first letter, and restores that letter', () => {
    const { value } = parseLegalBasis(
      'Tên văn bản pháp lýMã văn bảnThông tư số 12/2025/TT-BCA ngày 28/02/2025 về sát hạch12/2025/TT-BCAhông tư số 06/2025/TT-BTC của Bộ Tài chính06/2025/TT-BTC',
    )
    expect(value).toEqual([
      { title: 'Thông tư số 12/2025/TT-BCA ngày 28/02/2025 về sát hạch', number: '12/2025/TT-BCA' },
      { title: 'Thông tư số 06/2025/TT-BTC của Bộ Tài chính', number: '06/2025/TT-BTC' },
    ])
  })
})
