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
