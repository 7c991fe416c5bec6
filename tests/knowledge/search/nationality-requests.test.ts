import { describe, expect, it } from 'vitest'
import { searchedWords as words } from '../../helpers/analyse-message.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('becoming or giving up Vietnamese nationality in everyday words', () => {
  it.each(readCaseGroup('query-words', 'nationality'))(
    '"%s" reads the record’s action (%s)',
    (question, action) => {
      expect(words(question)).toContain(action)
    },
  )

  it('does not read a father’s nationality typed without marks as giving it up', () => {
    expect(words('bố quốc tịch Việt Nam, mẹ người Hàn, làm khai sinh cho con')).not.toContain('thoi')
  })
})

describeOnPortal('nationality requests on the portal export', (portal) => {
  it('finds the naturalisation in the country first for a foreigner living here who wants to become a citizen', () => {
    const q =
      'Tôi là người Trung Quốc, sống ở Lào Cai với vợ Việt Nam gần 10 năm, nói tiếng Việt thạo, giờ muốn trở thành công dân Việt Nam thì phải làm gì?'
    expect(portal.kb.search(q, { limit: 3 })[0]?.code).toBe('2.002039')
  })

  it('finds giving up the nationality among the first results', () => {
    const q = 'con gái tôi đang ở Việt Nam, muốn bỏ quốc tịch Việt Nam thì nộp hồ sơ ở đâu'
    expect(portal.kb.search(q, { limit: 3 }).map((r) => r.code)).toContain('2.002036')
  })
})

describeOnPortal('an electronic identity account for a company, on the portal export', (portal) => {
  it('answers the account of an organisation when the question speaks for a company, a citizen’s otherwise', async () => {
    // before: the citizen's level-2 account, as if sure
    const company = await portal.kb.answer('tạo tài khoản vneid cho công ty', {})
    expect(company).toMatchObject({ kind: 'answer', procedure: { code: '3.000498' } })
    const spoken = await portal.kb.answer(
      'Cong ty minh can tai khoan VNeID cho doanh nghiep de lam dich vu cong, dang ky the nao',
      {},
    )
    expect(spoken.kind === 'answer' ? spoken.procedure?.code : spoken.candidates?.[0]?.code).toBe('3.000498')
    // a citizen asking is not offered the organisation's
    const citizen = await portal.kb.answer('đăng ký tài khoản định danh điện tử', {})
    expect(citizen).toMatchObject({ kind: 'answer', procedure: { code: '3.000228' } })
  })
})
