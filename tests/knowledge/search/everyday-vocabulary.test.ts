import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// Everyday words citizens use for official terms (thế chấp → biện pháp bảo đảm, sao y → chứng thực
// bản sao, a foreign nationality → "có yếu tố nước ngoài", phế liệu → thu hồi đăng ký xe).
describe('everyday vocabulary on the portal export', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    ['muốn đăng ký thế chấp nhà đất', '1.011441'],
    ['sao y bản chính học bạ', '2.000815'],
    ['đăng ký kết hôn với người nhật', '2.000806'],
    ['khai sinh cho con có bố là việt kiều', '2.000528'],
    ['bán xe phế liệu thì nộp lại giấy đăng ký xe', '1.013065'],
  ])('"%s" finds %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })

  it.each([['iphone 16 pro giá bao nhiêu'], ['viết giúp tôi một bài thơ'], ['ngày mai có mưa không']])(
    'declines "%s" as outside public procedures',
    async (question) => {
      expect((await portal.kb.answer(question)).kind).toBe('not_found')
    },
  )

  it.each([['cảm ơn bạn nhiều nha'], ['ok cảm ơn'], ['chào bot']])(
    'answers "%s" as small talk',
    async (question) => {
      expect((await portal.kb.answer(question)).kind).toBe('smalltalk')
    },
  )
})
