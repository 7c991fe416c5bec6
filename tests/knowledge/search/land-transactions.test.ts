import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

// How citizens speak of land dealings: "sang tên", "mua đất", "tặng cho", "thừa kế" register the change
// of owner (đăng ký biến động … chuyển nhượng, thừa kế, tặng cho), not a project buyer's certificate; a
// contract to certify is a "giao dịch"; garden land made residential is a permitted change of use.
describe('land dealings in everyday words', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    ['muốn sang tên sổ hồng cho người mua', '1.013831'],
    ['mua đất của hàng xóm thì đăng ký sang tên ở đâu', '1.013831'],
    ['ông nội để thừa kế mảnh đất cho cháu, đăng ký thế nào', '1.013831'],
    ['chứng thực hợp đồng mua bán ô tô cũ', '2.001035'],
    ['chuyển đất vườn thành đất ở cần gì', '1.013949'],
  ])('"%s" finds %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })

  it('keeps a land sale with a tax word on the tax return', () => {
    expect(
      portal.kb.search('bán đất xong phải khai thuế thu nhập cá nhân ở đâu', { limit: 3 })[0]?.code,
    ).toBe('1.007674')
  })
})

// A damaged land certificate is exchanged ("cấp đổi"); one burnt is lost ("cấp lại … do bị mất"), not a
// company's certificate that the portal names "bị mất, cháy, rách, nát".
describe('damaged and burnt land certificates', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    ['bìa đỏ bị nát hết mép, xin đổi cái khác', '1.012783'],
    ['sổ hồng bị hư hỏng do ngập nước thì làm sao', '1.012783'],
    ['cháy nhà, sổ đỏ cháy theo luôn, xin lại ở đâu', '1.012786'],
  ])('"%s" finds %s first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })
})
