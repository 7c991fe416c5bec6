import { describe, expect, it } from 'vitest'
import { doubtsAction, MISREAD_COVERAGE } from '../../../knowledge/answer/doubt-action.ts'
import { exportResult } from '../../helpers/export-names.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/** "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh" */
const HOUSEHOLD_CHANGE = '2.000720'
/** "Thủ tục đăng ký kết hôn" */
const MARRIAGE = '1.000894'

describe('doubtsAction', () => {
  it('doubts the action when the best-worded name lacks side words beside it', () => {
    const best = exportResult(HOUSEHOLD_CHANGE, 1.3, {
      coverage: 0.64,
      uncovered: ['doi', 'ban', 'do', 'an'],
    })
    expect(doubtsAction({ best, phraseWords: new Set(['doi']) })).toBe(true)
  })

  it('trusts a question that is only the action and the name, or a name holding little of it', () => {
    const plain = exportResult(MARRIAGE, 1.4, { coverage: 0.8, uncovered: ['huy'] })
    expect(doubtsAction({ best: plain, phraseWords: new Set(['huy']) })).toBe(false)
    const thin = exportResult(HOUSEHOLD_CHANGE, 1.1, {
      coverage: MISREAD_COVERAGE - 0.01,
      uncovered: ['doi', 'ban', 'ca', 'phe'],
    })
    expect(doubtsAction({ best: thin, phraseWords: new Set(['doi']) })).toBe(false)
  })

  const portal = usePortalKnowledgeBase()

  it('asks whether the best-worded name is meant instead of saying the records lack the action read', async () => {
    const answer = await portal.kb.answer('hộ kinh doanh nhà mình đổi ngành nghề sang bán cà phê thì làm sao')
    // (the household business's change, now that the company's beside it is no choice for a household
    // business: household-for-company.ts, is answered outright)
    expect({ kind: answer.kind, code: answer.procedure?.code }).toEqual({
      kind: 'answer',
      code: HOUSEHOLD_CHANGE,
    })
  })

  it('still says the records lack an action asked plainly on a named procedure', async () => {
    for (const question of ['hủy đăng ký kết hôn', 'gia hạn giấy khai sinh'])
      expect((await portal.kb.answer(question)).kind, question).toBe('not_found')
  })
})
