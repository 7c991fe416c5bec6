import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// Asking for a criminal-record certificate, "từng sống / từng làm việc ở VN, đã về nước" is a foreigner
// who has resided in Viet Nam, and "không còn hộ khẩu" is a citizen without a known place of residence:
// both are the record for those cases, not the one issued at a court's or an agency's request.
describe('where a criminal-record applicant has lived, in everyday words', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    [
      'chồng tôi người Pháp từng làm việc ở Hà Nội 2 năm, nay đã về nước, cần phiếu lý lịch tư pháp',
      '3.000330',
    ],
    ['tôi định cư ở Úc, không còn hộ khẩu trong nước, xin lý lịch tư pháp thế nào', '3.000330'],
  ])('"%s" finds %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })
})
