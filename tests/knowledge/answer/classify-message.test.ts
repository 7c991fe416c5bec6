import { describe, expect, it } from 'vitest'
import { classifyMessage } from '../../../knowledge/answer/classify-message.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'

const synonyms = loadSynonyms()
const classify = (text: string) => classifyMessage({ query: expandQuery(text, synonyms), synonyms })

describe('classifyMessage', () => {
  it.each([
    'chào bạn',
    'Xin chào ad ạ',
    'cam on',
    'cảm ơn nhiều nhé',
    'ok thanks',
    'hello',
    'cảm ơn bạn nhiều nha',
    'bạn khỏe không',
  ])('treats "%s" as small talk', (text) => {
    expect(classify(text)).toBe('smalltalk')
  })

  it.each([
    'giá xăng hôm nay',
    'dự báo thời tiết tuần này',
    'lich chieu phim cuoi tuan',
    'công thức làm bánh mì',
    'kết quả xổ số miền bắc',
    'lịch thi đấu bóng đá ngoại hạng anh',
    'giá vàng hôm nay bao nhiêu',
    'mai có mưa không',
    'xổ số miền nam hôm nay',
    'quán cafe gần đây',
  ])('treats "%s" as out of scope', (text) => {
    expect(classify(text)).toBe('out_of_scope')
  })

  it.each(['qwerty asdf', 'asdkjh qwe', 'zzzz xxxx'])('treats "%s" as gibberish', (text) => {
    expect(classify(text)).toBe('gibberish')
  })

  it.each([
    'chào bạn, cho hỏi làm căn cước cần gì',
    'thủ tục cấp giấy chứng nhận đủ điều kiện kinh doanh xổ số',
    'thanh lap cong ty tnhh mot thanh vien',
    '1.004222',
    'dang kys khai sinh',
    'thẻ bảo hiểm y tế hộ gia đình',
    'khai báo tạm trú cho người nước ngoài',
    'mở quán cà phê cần giấy phép gì',
    'chứng nhận vệ sinh an toàn thực phẩm cho quán ăn',
  ])('treats "%s" as a procedure question', (text) => {
    expect(classify(text)).toBe('question')
  })
})
