import { describe, expect, it } from 'vitest'
import { holdsTypedRun, holdsTypedTopic } from '../../../knowledge/answer/holds-typed-topic.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

describe('holdsTypedTopic', () => {
  it('holds a rare pair side by side, with the marks the citizen typed', () => {
    expect(holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giám hộ cho cháu'), ['giam_ho'])).toBe(
      true,
    )
    expect(holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giam ho cho chau'), ['giam_ho'])).toBe(
      true,
    )
    expect(holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giảm họ'), ['giam_ho'])).toBe(false)
    expect(holdsTypedTopic('Thủ tục đăng ký giám hộ', analyzeText('giám hộ'), [])).toBe(false)
  })
})

describe('holdsTypedRun', () => {
  it('holds a rare pair with the word before or after it, side by side, as typed', () => {
    const typed = analyzeText('xưởng bị cháy, xin lùi thời hạn nộp thuế thì cần gì')
    expect(holdsTypedRun('Gia hạn nộp thuế', typed, ['han_nop'])).toBe(true)
    // the pair alone is not enough
    expect(holdsTypedRun('Gia hạn nộp thuế', analyzeText('hạn nộp là khi nào'), ['han_nop'])).toBe(false)
    // a word typed with other marks is another word
    expect(holdsTypedRun('Gia hạn nộp thuế', analyzeText('xin lùi hạn nộp thuê'), ['han_nop'])).toBe(false)
    expect(holdsTypedRun('Gia hạn nộp thuế', analyzeText('xin lui han nop thue'), ['han_nop'])).toBe(true)
    expect(holdsTypedRun('Gia hạn nộp thuế', typed, [])).toBe(false)
  })
})

describeOnPortal('a long message whose remark outweighs its request', (portal) => {
  it('offers the name it holds three words of, a rare pair among them, instead of saying nothing fits', async () => {
    const answer = await portal.kb.answer(
      'Xưởng bị cháy hết hàng, tiền đâu mà nộp thuế đúng hạn, mệt thật sự. Xin lùi thời hạn nộp thuế thì cần giấy tờ gì?',
    )
    expect(answer.kind).toBe('clarify')
    expect(offeredCodes(answer)).toContain('1.008590')
  })
})
