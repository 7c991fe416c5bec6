import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/**
 * Everyday words that tell the case (knowledge/data/synonyms.json): a birth certificate written wrong is
 * corrected through the civil-status change even when the message compares it with the identity card.
 */
describe('told cases on the portal export', () => {
  const portal = usePortalKnowledgeBase()
  const first = (question: string) => portal.kb.search(question, { limit: 1 })[0]?.code

  it.each([
    ['con tôi giấy khai sinh bị sai tên đệm so với hộ chiếu, muốn cải chính', ['1.004859']],
    ['giay khai sinh ghi sai que quan so voi can cuoc, cai chinh o dau', ['1.004859']],
    ['cải chính giấy khai sinh cho con vì sai dân tộc so với căn cước của mẹ', ['1.004859']],
  ])('"%s" finds %s first', (question, codes) => {
    expect(codes).toContain(first(question))
  })
})
