import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'

const LOSS_REPORT = ['1.010386', '1.010385', '1.001445', '2.000539']
const ISSUANCE = ['1.001456', '1.001471']

/**
 * The records have no "cấp lại hộ chiếu": a new passport after a loss is the issuance procedure (its fee
 * names the case "cấp lại do bị mất"), after the loss report. Asking to re-issue is never answered with the
 * loss report alone; asking where to report a loss still is.
 */
describeOnPortal('a lost passport (the shipped export)', (portal) => {
  eachAnswer(portal, [
    'cấp lại hộ chiếu bị mất hết bao nhiêu tiền',
    'lam lai ho chieu bi mat o dau',
    'mất hộ chiếu muốn làm hộ chiếu mới thì làm sao',
  ])('offers the issuance procedure to "%s", never answers with the loss report alone', (answer) => {
    expect(offeredCodes(answer).some((c) => ISSUANCE.includes(c))).toBe(true)
    if (answer.kind === 'answer') expect(LOSS_REPORT).not.toContain(answer.procedure?.code)
  })

  eachAnswer(portal, ['bị mất hộ chiếu thì báo ở đâu', 'lỡ làm mất hộ chiếu thì báo mất ở đâu'])(
    'answers "%s" with the loss report',
    (answer) => {
      expect(answer.kind).toBe('answer')
      expect(LOSS_REPORT).toContain(answer.procedure?.code)
    },
  )
})

describeOnPortal('a passport or a licence for going abroad, on the portal export', (portal) => {
  it.each([
    'làm hộ chiếu để đi nước ngoài',
    'đi công tác nước ngoài làm hộ chiếu',
    'làm hộ chiếu mất bao lâu thì có vậy ạ tại em sắp đi công tác nước ngoài tháng sau rồi',
  ])('answers "%s" with the ordinary passport', async (question) => {
    const a = await portal.kb.answer(question, {})
    expect(a.kind).toBe('answer')
    expect(['1.001456', '1.001471']).toContain(a.procedure?.code)
  })

  it('asks between the licence and the international licence for driving abroad', async () => {
    const a = await portal.kb.answer('đi nước ngoài lái xe cần giấy phép gì', {})
    expect(a.kind).toBe('clarify')
    expect(offeredCodes(a)).toContain('3.000353')
  })

  it('never answers an official passport with the ordinary one', async () => {
    const a = await portal.kb.answer('xin cấp hộ chiếu công vụ cho cán bộ sở đi công tác nước ngoài', {})
    expect(a.kind).not.toBe('answer')
  })
})
