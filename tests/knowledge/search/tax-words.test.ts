import { expect } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'

/**
 * A business's everyday words for its taxes (knowledge/data/synonyms.json): paying a debt in instalments
 * ("trả góp", "trả dần từng đợt") is "Nộp dần tiền thuế nợ"; tax paid twice or too much ("nộp dư", "đóng
 * lố") is tax paid in excess; the tax on beer, spirits and tobacco is the special consumption tax. Said
 * without tax, the words stay as typed.
 */
describeOnPortal('tax debts and overpayments in everyday words, on the portal export', (portal) => {
  eachAnswer(portal, [
    'nợ thuế có được trả góp không',
    'Cty tôi nợ thuế quá hạn 6 tháng, đang bị tính tiền chậm nộp hằng ngày, có xin trả góp từng đợt được không?',
  ])('"%s" offers paying the tax debt in instalments', (answer) => {
    expect(offeredCodes(answer).some((code) => code === '1.008588' || code === '1.011636')).toBe(true)
  })

  eachAnswer(portal, [
    'Xưởng bia thủ công của mình bán ra thì phải khai cái loại thuế đánh riêng vào rượu bia, thuốc lá hằng tháng phải không, khai ở đâu?',
  ])('"%s" offers the special consumption tax return', (answer) => {
    expect(offeredCodes(answer)[0]).toBe('1.007040')
  })

  eachAnswer(portal, ['mua xe máy trả góp ở cửa hàng nào rẻ'])('"%s" is no tax question', (answer) => {
    expect(offeredCodes(answer)).not.toContain('1.008588')
  })
})
