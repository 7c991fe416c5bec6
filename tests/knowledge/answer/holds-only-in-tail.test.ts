import { describe, expect, it } from 'vitest'
import { holdsOnlyInTail } from '../../../knowledge/answer/holds-only-in-tail.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

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
  it.each([
    ['xin giấy phép tổ chức biểu diễn nghệ thuật', 'answer', false],
    ['kiểm dịch gà tham gia hội chợ', 'answer', true],
  ])('answers "%s" with the animal-quarantine certificate: %s %s', async (question, kind, answered) => {
    const reply = kindAndCode(await portal.kb.answer(question, {}))
    expect(reply.kind === kind && reply.code === '1.002571').toBe(answered)
  })
})
