import { describe, expect, it } from 'vitest'
import { asksMarketChoice } from '../../../knowledge/answer/asks-market-choice.ts'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/**
 * "Hồ sơ" and "giấy tờ" beside a seller's warranty, a shop or a boss are that party's papers, not
 * evidence of public administration; other words of administration beside them still are. A plan
 * compared by its value for money ("gói … nào … đáng tiền") is a choice on the market.
 */
describe("a private party's papers and plans compared by value (the national export)", () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    'mang điện thoại ra tiệm sửa, họ bảo phải có hồ sơ bảo hành mới đổi máy mới',
    'cửa hàng đòi giấy tờ bảo hành mới cho đổi trả, tôi làm mất rồi',
    'sếp giao làm hồ sơ dự án gấp quá, làm sao cho kịp',
    'gói bảo hiểm sức khỏe nào cho bố mẹ già đáng tiền nhất',
  ])('sends "%s" away as out of scope', async (text) => {
    const answer = await portal.kb.answer(text, {})
    expect(answer.kind).toBe('not_found')
    expect(answer.candidates ?? []).toEqual([])
  })

  it.each(['sếp yêu cầu nộp lý lịch tư pháp thì xin ở đâu', 'mở cửa hàng tạp hóa cần hồ sơ gì'])(
    'keeps "%s" a procedure question',
    async (text) => {
      const answer = await portal.kb.answer(text, {})
      expect(['answer', 'clarify']).toContain(answer.kind)
    },
  )

  it('reads a plan compared by its value for money, with several words describing it, as a market choice', () => {
    expect(asksMarketChoice(foldVietnamese('gói bảo hiểm nhân thọ nào cho con đáng tiền nhất'))).toBe(true)
    expect(asksMarketChoice(foldVietnamese('gói cước internet cáp quang nào đáng tiền'))).toBe(true)
    expect(asksMarketChoice(foldVietnamese('đóng bảo hiểm xã hội tự nguyện mức nào'))).toBe(false)
  })
})
