import { describe, expect, it } from 'vitest'
import { composeClarify } from '../../../knowledge/answer/compose-clarify.ts'

const name =
  'Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại'
const levels = [
  { code: '2.002165', name: `${name} (cấp xã)` },
  { code: '2.002192', name: `${name} (cấp tỉnh)` },
]

describe('composeClarify', () => {
  it('names the procedure whose cases a weak match asks about, the labels showing only the case', () => {
    const answer = composeClarify({ options: levels, facet: 'overview', weak: true })
    expect(answer.candidates?.map((c) => c.label)).toEqual(['Cấp xã', 'Cấp tỉnh'])
    // the shared name as the other clarify leads show it (shortened to a label's length)
    expect(answer.text.split('\n')[0]).toMatch(
      /^Tôi chưa chắc dữ liệu thủ tục chính thức ở đây có đúng việc bạn hỏi\. Có phải bạn hỏi về thủ tục "Giải quyết yêu cầu bồi thường [^"]+"\? Nếu đúng, bạn thuộc trường hợp nào \(trả lời số thứ tự\)\?$/,
    )
  })

  it('quotes a shared name that starts with "Thủ tục" without it, after the lead\'s own "thủ tục"', () => {
    const options = [
      { code: '2.000528', name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài' },
      { code: '1.000110', name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới' },
    ]
    for (const weak of [true, false]) {
      const lead = composeClarify({ options, facet: 'overview', weak }).text.split('\n')[0] ?? ''
      expect(lead.toLowerCase()).toContain('thủ tục "đăng ký khai sinh')
      expect(lead.toLowerCase()).not.toContain('thủ tục "thủ tục')
    }
  })

  it('asks "one of these" when the weak options are different procedures, with their names', () => {
    const answer = composeClarify({
      options: [
        levels[0] as { code: string; name: string },
        { code: '1.004222', name: 'Đăng ký thường trú' },
      ],
      facet: 'overview',
      weak: true,
    })
    expect(answer.text).toMatch(/Có phải bạn hỏi về một trong các thủ tục sau \(trả lời số thứ tự\)\?/)
    expect(answer.candidates?.[1]?.label).toBe('Đăng ký thường trú')
  })
})
