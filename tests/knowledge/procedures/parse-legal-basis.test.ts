import { describe, expect, it } from 'vitest'
import { parseLegalBasis } from '../../../knowledge/procedures/parse-legal-basis.ts'

const H = 'Tên văn bản pháp lýMã văn bản'

describe('parseLegalBasis', () => {
  it.each([
    [
      'Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước190/2025/NQ-QH15Luật Căn cước26/2023/QH15',
      [
        {
          title:
            'Nghị quyết số 190/2025/QH15 của Quốc hội: Quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước',
          number: '190/2025/NQ-QH15',
        },
        { title: 'Luật Căn cước', number: '26/2023/QH15' },
      ],
    ],
    [
      'Nghị định 126/2020/NĐ-CP126/2020/NĐ-CPThông tư 80/2021/TT-BTC80/2021/TT-BTC',
      [
        { title: 'Nghị định 126/2020/NĐ-CP', number: '126/2020/NĐ-CP' },
        { title: 'Thông tư 80/2021/TT-BTC', number: '80/2021/TT-BTC' },
      ],
    ],
    [
      'Nghị định quy định về thanh toán không dùng tiền mặtNghị định 52/2024/NĐ-CP',
      [{ title: 'Nghị định quy định về thanh toán không dùng tiền mặt', number: '52/2024/NĐ-CP' }],
    ],
    [
      'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTPLuật 60/2014/QH1360/2014/QH13',
      [
        {
          title: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp',
          number: '03/2023/TT-BTP',
        },
        { title: 'Luật 60/2014/QH13', number: '60/2014/QH13' },
      ],
    ],
    [
      'Nghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CPLuật Cư trú202068/2020/QH14',
      [
        { title: 'Nghị quyết số 66.7/2025/NQ-CP của Chính phủ', number: '66.7/2025/NQ-CP' },
        { title: 'Luật Cư trú2020', number: '68/2020/QH14' },
      ],
    ],
    [
      'Quyết định về chế độ đối với một số đối tượng290/2005/QĐ-TTgThông tư về phí255/2016/TT-BTCsửa đổi một số điều46/2024/TT-BTC',
      [
        { title: 'Quyết định về chế độ đối với một số đối tượng', number: '290/2005/QĐ-TTg' },
        { title: 'Thông tư về phí', number: '255/2016/TT-BTC' },
        { title: 'sửa đổi một số điều', number: '46/2024/TT-BTC' },
      ],
    ],
  ])('splits %s', (raw, expected) => {
    expect(parseLegalBasis(`${H}${raw}`)).toEqual({ value: expected, warnings: [] })
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
