import { describe, expect, it } from 'vitest'
import { holdsRequestTopic, requestTopics } from '../../../knowledge/answer/holds-request-topic.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

// Shares of names holding a pair: "tách thửa" a few names, "hồ sơ" and "đăng ký" many, "mảnh đất" none.
const shares: Record<string, number> = { tach_thua: 0.002, ho_so: 0.08, dang_ky: 0.3, giam_ho: 0.003 }
const wordShare = (p: string) => shares[p] ?? 0

describe('requestTopics', () => {
  it('keeps the pairs a few names hold, not the ones many or none hold', () => {
    const typed = 'muon chia manh dat dang ky tach thua ho so can gi'.split(' ')
    expect(requestTopics(['manh_dat', 'ho_so', 'tach_thua', 'dang_ky'], typed, wordShare)).toEqual([
      'tach_thua',
    ])
  })

  it('keeps only pairs the citizen typed side by side, not ones the dictionary made', () => {
    const shares = (p: string) => (p === 'cap_ii' ? 0.004 : 0)
    expect(requestTopics(['cap_ii'], 'cap 2 co len lop duoc khong'.split(' '), shares)).toEqual([])
  })

  it('finds nothing when the message told no story (no request pairs)', () => {
    expect(requestTopics(undefined, ['tach', 'thua'], wordShare)).toEqual([])
  })
})

describe('holdsRequestTopic', () => {
  it('holds a pair only side by side in the name, with or without marks', () => {
    expect(holdsRequestTopic('Tách thửa hoặc hợp thửa đất.', ['tach_thua'])).toBe(true)
    expect(holdsRequestTopic('Thủ tục đăng ký giám hộ', ['giam_ho'])).toBe(true)
    expect(holdsRequestTopic('Hợp thửa, tách đất', ['tach_thua'])).toBe(false)
    expect(holdsRequestTopic('Tách thửa hoặc hợp thửa đất.', [])).toBe(false)
  })
})

describeOnPortal('a long story before a request that names a rare topic', (portal) => {
  it('offers the procedure the request names instead of saying nothing fits', async () => {
    const answer = await portal.kb.answer(
      'Ông bà tôi có thửa đất 500 mét vuông ở Thái Bình, nay muốn chia cho hai người con, hồ sơ tách thửa gồm những gì?',
    )
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.[0]?.code).toBe('1.012784')
    expect(answer.text).toContain('Có phải bạn hỏi')
  })

  it('still says nothing fits a long story whose request names no topic of the records', async () => {
    const answer = await portal.kb.answer(
      'Hồi năm ngoái tôi đi du lịch Đà Nẵng với gia đình, giờ muốn hỏi quán ăn nào ngon nhất ở đó vậy?',
    )
    expect(answer.kind).not.toBe('answer')
    expect(answer.kind).not.toBe('clarify')
  })
})
