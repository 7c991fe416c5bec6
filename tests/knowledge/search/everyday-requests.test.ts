import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// What a citizen asks for in everyday words, read as the procedure's own (knowledge/data/synonyms.json):
// closing a tax code, a limited company turned into a joint-stock one, a flat of an old state-owned
// block bought, rice land turned to other crops or fish.
describe('requests told in everyday words on the portal export', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    [
      'Tôi đã đóng cửa công việc kinh doanh tự do từ năm ngoái, mã số thuế cá nhân kinh doanh vẫn còn hoạt động, muốn đóng mã số thuế luôn thì làm thế nào?',
      '1.007607',
    ],
    ['muốn khóa mst cá nhân thì làm sao', '1.007607'],
    ['muốn trồng dừa trên đất lúa thì có phải xin phép không', '1.008004'],
  ])('%s → %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })

  // Among close siblings (the other conversions, renting the same flats).
  it.each([
    ['công ty tôi muốn chuyển sang công ty cổ phần để gọi thêm vốn thì làm gì', '2.002034'],
    [
      'Gia đình tôi thuê căn hộ tập thể cũ của nhà nước từ những năm 90, nay được mua lại căn đang ở thì cần hồ sơ gì?',
      '1.012893',
    ],
  ])('%s → %s in the first three', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 }).map((r) => r.code)).toContain(code)
  })
})
