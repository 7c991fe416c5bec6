import { expect } from 'vitest'
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
