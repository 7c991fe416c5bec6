import { describe, expect, it } from 'vitest'
import { withoutCitations } from '../../../knowledge/answer/without-citations.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const none = () => false
const words = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('a law or decree the citizen cites', () => {
  it('is left out of the words searched', () => {
    expect(words(withoutCitations('theo nghị định 123/2015 đăng ký khai sinh cần mang gì', none))).toBe(
      'đăng ký khai sinh cần mang gì',
    )
    expect(words(withoutCitations('theo luật cư trú 2020 thì đăng ký tạm trú cần giấy tờ gì', none))).toBe(
      'thì đăng ký tạm trú cần giấy tờ gì',
    )
    expect(words(withoutCitations('theo thông tư số 04/2020/TT-BTP xin xác nhận độc thân ở đâu', none))).toBe(
      'xin xác nhận độc thân ở đâu',
    )
    expect(words(withoutCitations('nđ 123/2015 quy định khai sinh thế nào', none))).toBe(
      'quy định khai sinh thế nào',
    )
    expect(words(withoutCitations('theo luat dat dai nam 2024 tach thua can gi', none))).toBe(
      'tach thua can gi',
    )
    expect(words(withoutCitations('theo luật mới thì làm lại sổ đỏ thế nào', none))).toBe(
      'thì làm lại sổ đỏ thế nào',
    )
  })

  it('stays when a name holds it, when it is a lawyer’s trade, or when nothing else is asked', () => {
    const question = 'xin Quỹ Hỗ trợ đầu tư theo Nghị định 182 thì làm hồ sơ thế nào'
    expect(withoutCitations(question, (cited) => cited.includes('182'))).toBe(question)
    const lawyer = 'bị thu hồi chứng chỉ hành nghề luật sư năm 2022, muốn xin cấp lại'
    expect(withoutCitations(lawyer, none)).toBe(lawyer)
    expect(withoutCitations('luật cư trú nhập khẩu vào nhà chồng cần gì', none)).toBe(
      'luật cư trú nhập khẩu vào nhà chồng cần gì',
    )
    expect(withoutCitations('tư vấn pháp luật 2024', none)).toBe('tư vấn pháp luật 2024')
    expect(withoutCitations('nghị định 123/2015 là gì', none)).toBe('nghị định 123/2015 là gì')
    // "tt" and "nd" without a year are other words ("tạm trú", "nội dung")
    expect(withoutCitations('đăng ký tt 6 tháng', none)).toBe('đăng ký tt 6 tháng')
  })
})

describe('answers to questions that cite the law', () => {
  const portal = usePortalKnowledgeBase()

  it('answers the procedure asked, not one whose name holds the law’s words', async () => {
    const temporary = await portal.kb.answer('theo luật cư trú 2020 thì đăng ký tạm trú cần giấy tờ gì')
    expect(temporary.kind).toBe('answer')
    expect(temporary.procedure?.code).toBe('1.004194')
    const birth = await portal.kb.answer('theo nghị định 123/2015 đăng ký khai sinh cần mang gì')
    expect(birth.kind).toBe('answer')
    expect(birth.procedure?.code).toBe('1.001193')
  })
})
