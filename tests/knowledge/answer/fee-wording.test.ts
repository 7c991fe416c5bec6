import { expect, it } from 'vitest'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/**
 * The portal's fee column sometimes still shows a reduced rate whose period its own detail says has
 * ended (1.001456: 160.000 đồng online "áp dụng đến hết ngày 31/12/2023"). A citizen is told so
 * where the amount stands, and a note of the counter's fee is never read as the online fee's.
 */
describeOnPortal('how a fee is worded (the shipped export)', (portal) => {
  it('says where the amount stands that the rate applied only until its end, and which channel each note is for', async () => {
    const answer = await portal.kb.answer('làm hộ chiếu lần đầu lệ phí bao nhiêu', {})
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.001456' })
    const lead = answer.reply?.lead ?? ''
    expect(lead).toContain(
      '160.000 đồng (mức này chỉ áp dụng đến hết ngày 31/12/2023; hãy hỏi nơi nộp hồ sơ mức hiện nay) (Trực tuyến, Dịch vụ bưu chính)',
    )
    expect(lead).toContain('200.000 đồng (Trực tiếp)')
    const details = answer.reply?.sections.find((s) => s.title === 'Chi tiết lệ phí')?.items ?? []
    expect(details).toContain(
      'Trường hợp cấp lại do bị hỏng hoặc bị mất: 400.000đ/hộ chiếu (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 ' +
        'của Bộ Tài chính) (Trực tiếp).',
    )
    expect(details.find((d) => d.startsWith('160.000/hộ chiếu'))).toMatch(
      /\(đã hết áp dụng sau ngày 31\/12\/2023\) \(Trực tuyến, Dịch vụ bưu chính\)\.$/,
    )
  })

  it('says a fee that names itself once: never "lệ phí mức lệ phí …" (1.000656 khai tử)', async () => {
    const answer = await portal.kb.answer('đăng ký khai tử cho ông nội', {})
    expect(answer.procedure?.code).toBe('1.000656')
    const lead = answer.reply?.lead ?? ''
    expect(lead).toContain('; mức lệ phí cụ thể do Hội đồng nhân dân tỉnh')
    expect(lead).not.toMatch(/lệ phí mức/iu)
  })

  it('says a fee set by a legal text is "theo" that text (1.013076 sang tên xe)', async () => {
    const answer = await portal.kb.answer('sang tên xe máy', {})
    expect(answer.procedure?.code).toBe('1.013076')
    expect(answer.reply?.lead).toContain('; lệ phí theo Thông tư số 60/2023/TT-BTC')
  })

  it('says one fee once in an overview when channels differ only in notes it does not show (1.000894 kết hôn)', async () => {
    const answer = await portal.kb.answer('đăng ký kết hôn', {})
    expect(answer.procedure?.code).toBe('1.000894')
    expect(answer.reply?.lead).toMatch(/; miễn lệ phí\.$/)
    expect(answer.reply?.sections.find((s) => s.title === 'Lệ phí')).toBeUndefined()
  })
})
