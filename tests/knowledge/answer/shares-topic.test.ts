import { describe, expect, it } from 'vitest'
import { sharesTopic } from '../../../knowledge/answer/shares-topic.ts'
import { placeTypeWords } from '../../../knowledge/places/place-type-words.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'

const words = (question: string) => analyzeText(question).map((t) => t.folded)

describe('sharesTopic', () => {
  it('holds a name with two object words side by side as the question has them', () => {
    const topic = new Set(['khai', 'sinh'])
    expect(sharesTopic({ name: 'Đăng ký khai sinh', words: words('gia hạn giấy khai sinh'), topic })).toBe(
      true,
    )
  })

  it('holds a name with at least two and half of the object words, apart', () => {
    const topic = new Set(['bao', 'hiem', 'rang'])
    expect(sharesTopic({ name: 'Cấp thẻ bảo hiểm y tế', words: words('làm bảo hiểm răng'), topic })).toBe(
      true,
    )
  })

  it('refuses a name that shares only the kind of place the question names ("lên thành phố")', () => {
    const question = 'chuyển trường cho con lên thành phố'
    const topic = new Set(['chuyen', 'truong', 'thanh', 'pho'])
    const name = 'Cấp giấy xác nhận nuôi trồng thủy sản lồng bè (phạm vi từ 02 tỉnh, thành phố trở lên)'
    expect(sharesTopic({ name, words: words(question), topic })).toBe(true)
    expect(
      sharesTopic({ name, words: words(question), topic, places: placeTypeWords(analyzeText(question)) }),
    ).toBe(false)
  })

  it('refuses the words of one thing held apart ("tốt nghiệp" in "nông nghiệp tốt")', () => {
    const topic = new Set(['bang', 'tot', 'nghiep', 'iii'])
    const question = words('làm lại bằng tốt nghiệp cấp 3 bị mất')
    for (const name of [
      'Công nhận các tiêu chuẩn Thực hành nông nghiệp tốt khác (GAP khác)',
      'Cấp Quyết định công nhận cây công nghiệp, cây ăn quả lâu năm nhân giống bằng phương pháp vô tính',
    ])
      expect(sharesTopic({ name, words: question, topic }), name).toBe(false)
  })

  it('refuses one shared syllable or a number', () => {
    const topic = new Set(['vay', 'tin', 'chap', '50', 'trieu'])
    const name =
      'Thủ tục chấp thuận mua, nhận chuyển nhượng cổ phần … tại điểm c khoản 1 Điều 12 Thông tư 50/2025/TT-NHNN'
    expect(sharesTopic({ name, words: words('vay tín chấp 50 triệu'), topic })).toBe(false)
  })
})

describeOnPortal('"có thể liên quan" on the portal export', (portal) => {
  eachAnswer(portal, [
    'vay tín chấp 50 triệu',
    'đăng ký lắp internet cáp quang',
    'đóng tiền điện online',
    'làm lại bằng tốt nghiệp cấp 3 bị mất',
  ])('names no unrelated procedure for "%s"', (answer) => {
    expect(answer.kind).toBe('not_found')
    expect(answer.candidates ?? []).toEqual([])
    expect(answer.text).toContain('1800 1096')
  })

  it('still names the death registration for "cấp đổi giấy chứng tử"', async () => {
    const answer = await portal.kb.answer('cấp đổi giấy chứng tử')
    expect(answer.kind).toBe('not_found')
    expect(answer.candidates?.map((c) => c.code)).toContain('1.000656')
  })
})
