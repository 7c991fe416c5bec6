import { describe, expect, it } from 'vitest'
import { holdsOnlyInTail } from '../../../knowledge/answer/holds-only-in-tail.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const QUARANTINE =
  'Đăng ký, Cấp giấy chứng nhận kiểm dịch động vật trên cạn tham gia hội chợ, triển lãm, thi đấu thể thao, biểu diễn nghệ thuật'

describe('holdsOnlyInTail', () => {
  it('sees the question’s words only in what the name is for', () => {
    expect(
      holdsOnlyInTail({ name: QUARANTINE, words: ['phep', 'to', 'chuc', 'bieu', 'dien', 'nghe', 'thuat'] }),
    ).toBe(true)
  })

  it('keeps a name whose head holds a word of the question, and one without a tail', () => {
    expect(holdsOnlyInTail({ name: QUARANTINE, words: ['kiem', 'dich', 'hoi', 'cho'] })).toBe(false)
    expect(
      holdsOnlyInTail({
        name: 'Cấp giấy phép biểu diễn nghệ thuật',
        words: ['bieu', 'dien', 'nghe', 'thuat'],
      }),
    ).toBe(false)
  })

  it('needs two of the question’s words in the tail', () => {
    expect(holdsOnlyInTail({ name: QUARANTINE, words: ['trien', 'phep'] })).toBe(false)
  })
})

describeOnPortal('a name about what the question’s topic takes part in (the shipped export)', (portal) => {
  it('offers the animal-quarantine certificate for a performance licence, never answers with it', async () => {
    const reply = await portal.kb.answer('xin giấy phép tổ chức biểu diễn nghệ thuật', {})
    expect(reply.kind === 'answer' && reply.procedure?.code === '1.002571').toBe(false)
  })

  it('still answers the quarantine for animals taking part in a fair', async () => {
    const reply = await portal.kb.answer('kiểm dịch gà tham gia hội chợ', {})
    expect(reply.kind).toBe('answer')
    expect(reply.procedure?.code).toBe('1.002571')
  })
})
