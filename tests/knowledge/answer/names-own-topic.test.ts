import { describe, expect, it } from 'vitest'
import { namesOwnTopic } from '../../../knowledge/answer/names-own-topic.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const POPULATION = 'Điều chỉnh thông tin trong Cơ sở dữ liệu quốc gia về dân cư theo đề nghị của công dân'
const ACCOUNT = 'Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam'
const shares: Record<string, number> = { dan_cu: 0.004, thong_tin: 0.03, dieu_chinh: 0.05, que_quan: 0 }
const wordShare = (folded: string) => shares[folded] ?? 0

describe('namesOwnTopic', () => {
  const typed = ['vneid', 'sai', 'que', 'quan', 'dieu', 'chinh', 'thong', 'tin', 'dan', 'cu']
  const pairs = ['sai_que', 'que_quan', 'dieu_chinh', 'chinh_thong', 'thong_tin', 'tin_dan', 'dan_cu']

  it('holds when the fitting name holds a rare pair the citizen typed that the better-worded one lacks', () => {
    const options = { typed, pairs, phraseWords: new Set(['dieu', 'chinh']), wordShare }
    expect(namesOwnTopic({ fitting: POPULATION, better: ACCOUNT, ...options })).toBe(true)
    expect(namesOwnTopic({ fitting: ACCOUNT, better: POPULATION, ...options })).toBe(false)
  })

  it('does not count a pair of the action words or a pair many names hold', () => {
    const options = {
      typed: ['dieu', 'chinh', 'thong', 'tin'],
      pairs: ['dieu_chinh', 'chinh_thong', 'thong_tin'],
      wordShare,
    }
    expect(
      namesOwnTopic({
        fitting: POPULATION,
        better: ACCOUNT,
        phraseWords: new Set(['dieu', 'chinh']),
        ...options,
      }),
    ).toBe(false)
  })
})

describeOnPortal(
  'an action that fits one object and wording that fits another (the national export)',
  (portal) => {
    it('gives or offers first the population data correction instead of denying both', async () => {
      const answer = await portal.kb.answer('vneid bị sai quê quán, muốn điều chỉnh thông tin dân cư', {})
      expect(answer.kind).not.toBe('not_found')
      expect(offeredCodes(answer)[0]).toBe('1.012564')
    })

    it('still says a death certificate is not exchanged', async () => {
      const answer = await portal.kb.answer('cấp đổi giấy chứng tử', {})
      expect(answer.kind).toBe('not_found')
    })
  },
)
