import { expect, it } from 'vitest'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/** The few words a citizen types for the procedures asked most, with marks and without. */
const CORE: [question: string, codes: string[]][] = [
  ['tách hộ', ['1.010038']],
  ['tach ho khau', ['1.010038']],
  ['nhập hộ khẩu', ['1.004222']],
  ['xóa hộ khẩu', ['1.003197']],
  ['lam khai sinh cho be', ['1.001193', '2.000986', '2.001023']],
  ['đăng ký kết hôn', ['1.000894']],
  ['xac nhan tinh trang hon nhan', ['1.004873']],
  ['xin bản sao khai sinh', ['2.000635']],
  ['xin ban sao khai sinh', ['2.000635']],
  ['trích lục khai sinh', ['2.000635']],
  ['làm lại căn cước', ['1.014064', '2.001194', '1.000757']],
  ['doi cccd het han', ['1.014063', '2.001195', '1.000889']],
  ['lam passport', ['1.001456', '1.001471']],
  ['mat bang lai xe', ['3.000348']],
  ['sang tên sổ đỏ', ['1.013831']],
  ['mất sổ đỏ', ['1.012786']],
  ['đăng ký hộ kinh doanh', ['1.001612']],
  ['xin ly lich tu phap', ['3.000333', '3.000330']],
  ['chứng thực chữ ký', ['2.000884']],
  ['khai báo tạm vắng', ['1.003677']],
  ['đăng ký lại kết hôn', ['1.004746']],
]

describeOnPortal('the procedures asked most, in a citizen’s few words', (portal) => {
  it.each(CORE)('answers "%s" with its procedure', async (question, codes) => {
    const reply = kindAndCode(await portal.kb.answer(question, {}))
    expect(reply.kind).toBe('answer')
    expect(codes).toContain(reply.code)
  })
})
