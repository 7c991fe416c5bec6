import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// A passport named with no word of a loss ("làm hộ chiếu online", "passport bao lâu có") is its issue;
// "mất hộ chiếu", "đánh rơi", "trình báo", "khôi phục" keep the loss report and the restoration.
describe('passports in everyday words', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    ['passport làm qua mạng được không', ['1.001456', '1.001471']],
    ['hộ chiếu nộp online hay lên công an tỉnh', ['1.001456', '1.001471']],
    ['hộ chiếu bị đánh rơi khi đi chợ thì báo ở đâu', ['1.010386', '1.001445', '1.010385', '2.000539']],
    ['hộ chiếu báo mất rồi tìm thấy lại, khôi phục thế nào', ['1.010382', '1.010384']],
  ])('"%s" finds one of %j first', (question, codes) => {
    expect(codes).toContain(portal.kb.search(question, { limit: 3 })[0]?.code)
  })
})
