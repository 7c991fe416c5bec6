import { expect, it } from 'vitest'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/**
 * "… có cần <paper> không" after a procedure is named asks what that procedure needs: the paper is not
 * the procedure asked for (find-purpose-clause.ts reads it as a clause of what the procedure is for, and
 * expand-query.ts reads its words as typed).
 */
describeOnPortal('a paper asked about after the procedure (the shipped export)', (portal) => {
  it('answers the procedure named first, never the paper’s own procedure', async () => {
    for (const [question, code] of [
      ['làm căn cước cho con 5 tuổi có cần giấy khai sinh không', '1.014062'],
      ['căn cước hết hạn thì đổi ở đâu có cần mang giấy khai sinh không', '1.014063'],
      // "bản sao" of the paper asked about does not keep "bằng lái" from being read as the licence
      ['đổi bằng lái có cần bản sao căn cước không', '3.000347'],
      ['đi đăng ký kết hôn có cần xác nhận độc thân không', '1.000894'],
      ['làm khai sinh cho con có cần sổ hộ khẩu không', '1.001193'],
    ] as const)
      expect(kindAndCode(await portal.kb.answer(question, {})), question).toEqual({ kind: 'answer', code })
  })

  it('asks, with the procedure named among the options, rather than answer another one', async () => {
    for (const [question, asked, paper] of [
      ['xin lý lịch tư pháp có cần bản sao sổ hộ khẩu không', '3.000333', '2.000908'],
      ['đăng ký thường trú có cần giấy xác nhận chỗ ở hợp pháp không', '1.004222', '1.010040'],
    ] as const) {
      const answer = await portal.kb.answer(question, {})
      expect(answer.kind, question).not.toBe('not_found')
      if (answer.kind === 'answer') expect(answer.procedure?.code, question).toBe(asked)
      else expect((answer.candidates ?? []).map((c) => c.code)[0], question).toBe(asked)
      expect(answer.procedure?.code, question).not.toBe(paper)
    }
  })

  it('still answers a paper asked about alone, or one that is itself the procedure', async () => {
    expect(kindAndCode(await portal.kb.answer('thuê trọ ở có cần đăng ký tạm trú không', {}))).toEqual({
      kind: 'answer',
      code: '1.004194',
    })
    expect(
      kindAndCode(await portal.kb.answer('bán hàng online có cần đăng ký hộ kinh doanh không', {})),
    ).toEqual({
      kind: 'answer',
      code: '1.001612',
    })
  })
})
