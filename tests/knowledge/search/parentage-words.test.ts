import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// A father or mother recognising a child ("nhận con", "nhận cha", "con ngoài giá thú") is the recognition
// of parentage; a birth certificate the child already has is a condition, not the thing asked for.
describe('recognising a parent in everyday words', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    ['bé đã có giấy khai sinh rồi, giờ anh ấy muốn nhận con', '1.001022'],
    ['thủ tục nhận bố cho con đã có khai sinh', '1.001022'],
    ['con ngoài giá thú muốn nhận cha thì làm gì', '1.001022'],
  ])('"%s" finds %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })

  it('still finds the combined birth and parentage registration when the birth is not registered yet', () => {
    expect(
      portal.kb.search('bố mẹ chưa đăng ký kết hôn, làm khai sinh cho con và bố nhận con luôn', {
        limit: 3,
      })[0]?.code,
    ).toBe('1.000689')
  })
})
