import { describe, expect, it } from 'vitest'
import { holdsTypedTopic } from '../../../knowledge/answer/holds-typed-topic.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/**
 * A short message whose best match holds one of its rare word pairs side by side ("giám hộ") is offered
 * that match, however few of its words the name holds; and land the State took ("bị thu hồi đất") is what
 * happened to the citizen, not the withdrawal asked for.
 */
describeOnPortal('short topics and land taken (the national export)', (portal) => {
  it('offers the guardianship registration for a short message about an orphan', async () => {
    const answer = await portal.kb.answer('giám hộ em trai mồ côi', {})
    expect(['answer', 'clarify']).toContain(answer.kind)
    expect(offeredCodes(answer)).toContain('1.004837')
  })

  it('answers the debt on land-use fees of a resettled household whose land was taken', async () => {
    const answer = await portal.kb.answer(
      'nhà tôi bị thu hồi đất làm đường, được bố trí tái định cư, giờ muốn xin ghi nợ tiền sử dụng đất',
      {},
    )
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.012995' })
  })

  it('keeps a withdrawn certificate a withdrawal', async () => {
    const answer = await portal.kb.answer(
      'luật sư bị kết án thì chứng chỉ hành nghề luật sư bị thu hồi thế nào',
      {},
    )
    expect(offeredCodes(answer)).toContain('1.008614')
  })
})

describe('holdsTypedTopic', () => {
  it('holds a pair typed with marks only where the name has the same marks', () => {
    expect(holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giám hộ cho cháu'), ['giam_ho'])).toBe(
      true,
    )
    const topUp = analyzeText('nạp tiền điện thoại')
    expect(holdsTypedTopic('Đăng ký nhận văn bản bằng phương tiện điện tử', topUp, ['tien_dien'])).toBe(false)
  })

  it('holds a pair typed without marks as the folded pair', () => {
    expect(holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giam ho cho chau'), ['giam_ho'])).toBe(
      true,
    )
  })
})
