import { describe, expect, it } from 'vitest'
import { asksWhatNextWithHeld, withoutHeldClause } from '../../../knowledge/answer/without-held-clause.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('a paper the citizen already holds, told before the request', () => {
  it('is set apart from the request that follows it', () => {
    expect(withoutHeldClause('có kết quả xét nghiệm ADN rồi muốn làm giấy nhận con')).toBe(
      'muốn làm giấy nhận con',
    )
    expect(withoutHeldClause('tôi đã có bản vẽ thiết kế rồi, thì xin phép xây nhà thế nào')).toBe(
      'xin phép xây nhà thế nào',
    )
    expect(withoutHeldClause('co ban ve roi xin phep xay nha the nao')).toBe('xin phep xay nha the nao')
    // no paper held first, or a request that names nothing of its own
    expect(withoutHeldClause('xin phép xây nhà thế nào')).toBeNull()
    expect(withoutHeldClause('có giấy chứng sinh rồi, giờ làm gì tiếp')).toBeNull()
  })

  const portal = usePortalKnowledgeBase()

  it('leaves the request answered when the whole message found nothing sure', async () => {
    const answer = await portal.kb.answer('có kết quả xét nghiệm ADN rồi muốn làm giấy nhận con')
    // "Thủ tục đăng ký nhận cha, mẹ, con"
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.001022' } })
  })

  it('asks only what comes next when nothing follows the paper but "giờ làm gì tiếp"', () => {
    expect(asksWhatNextWithHeld('có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp')).toBe(true)
    expect(asksWhatNextWithHeld('co so do roi gio lam gi tiep')).toBe(true)
    expect(asksWhatNextWithHeld('có kết quả xét nghiệm ADN rồi muốn làm giấy nhận con')).toBe(false)
    expect(asksWhatNextWithHeld('làm gì tiếp')).toBe(false)
  })

  it('never answers what comes next after a paper as if sure', async () => {
    // it was answered with a health-insurance payment, whose name holds "giấy chứng" and "bệnh"
    const answer = await portal.kb.answer('có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp')
    expect(answer.kind).not.toBe('answer')
  })
})
