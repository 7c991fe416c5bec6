import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itGivesFeedbackChannel } from '../../helpers/portal-question-tables.ts'

/**
 * The export resolves complaints only about the police and about legal aid. A complaint about another
 * body's official gets the feedback channel and the hotline, never procedures that share a word with it
 * by chance ("gây khó dễ" and the "gây nổ" of a blasting permit).
 */
describeOnPortal('a complaint no procedure of the records resolves (the shipped export)', (portal) => {
  itGivesFeedbackChannel(portal, 'gives "%s" the feedback channel and the hotline, and offers no procedure', [
    'tôi muốn khiếu nại cán bộ xã gây khó dễ khi làm giấy tờ',
    'khiếu nại cán bộ xã',
    'to cao can bo phuong nhung nhieu khi lam so do',
  ])

  it("says a bill's or a bank's complaint is not in the records, without the portal's feedback on procedures", async () => {
    for (const q of [
      'muốn khiếu nại hóa đơn tiền điện tháng này quá cao',
      'khiếu nại ngân hàng nuốt thẻ atm',
      // the provider named, not a topic of it
      'khiếu nại ngân hàng trừ tiền sai',
      'khiếu nại nhà mạng viettel trừ tiền',
      // a private business or an app
      'Vé concert bị trùng ghế với người khác, ban tổ chức bảo phải làm đơn khiếu nại qua email, đơn viết sao cho đúng?',
      'shopee giao hàng chậm quá khiếu nại ở đâu',
    ]) {
      const answer = await portal.kb.answer(q, {})
      expect(answer.kind, q).toBe('not_found')
      expect(answer.text, q).not.toContain('Phản ánh, kiến nghị')
      expect(answer.text, q).toContain('1800 1096')
    }
  })

  it('still answers a complaint about legal aid with its procedure, and one about the ward police with the police’s', async () => {
    const aid = await portal.kb.answer('khiếu nại trợ giúp pháp lý', {})
    expect(aid.procedure?.code).toBe('2.000592')
    const police = await portal.kb.answer('tố cáo công an phường đòi tiền khi làm căn cước', {})
    expect(offeredCodes(police)).toContain('1.004327')
  })

  it('gives feedback about the police ("phản ánh", no "khiếu nại" or "tố cáo") their complaint and denunciation procedures to choose from', async () => {
    const answer = await portal.kb.answer('tôi muốn phản ánh công an xã làm hồ sơ chậm', {})
    expect(answer.kind).toBe('clarify')
    expect(offeredCodes(answer)).toEqual(expect.arrayContaining(['1.004335', '1.004327']))
    expect(answer.text).toContain('Phản ánh, kiến nghị')
  })

  it('answers a complaint about the police with their complaint procedure though the story around it found nothing', async () => {
    // The rest of the message (a vehicle held past its time, "trái luật") matches no procedure; the
    // complaint names the body and the level whose complaints the records resolve.
    const held = await portal.kb.answer(
      'tháng trước xe của tôi bị phòng cảnh sát giao thông công an tỉnh tạm giữ quá thời hạn mà không ra quyết định, tôi thấy hành vi đó trái luật, giờ muốn làm đơn khiếu nại',
      {},
    )
    expect(held.kind).toBe('answer')
    expect(held.procedure?.code).toBe('1.003504')
    expect(held.text).toContain('Phản ánh, kiến nghị')
    const refused = await portal.kb.answer(
      'công an xã từ chối đăng ký tạm trú cho em không có lý do, em muốn làm đơn khiếu nại thì gửi đâu',
      {},
    )
    expect(offeredCodes(refused)).toContain('1.004335')
  })

  it('gives feedback about another body the channel, not procedures it only mentions', async () => {
    for (const q of ['phản ánh việc làm sổ đỏ quá lâu', 'phản ánh công ty nợ lương công nhân không trả']) {
      const answer = await portal.kb.answer(q, {})
      expect(answer.kind).toBe('contact')
      expect(offeredCodes(answer)).toEqual([])
    }
  })
})
