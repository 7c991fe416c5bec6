import { expect, it } from 'vitest'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

// Everyday words citizens use for official terms, land dealings, damaged land certificates, parentage,
// where a criminal-record applicant lived and passports: tests/fixtures/cases/search-first.tsv, group
// "everyday-words", with why each ranks so.
describeOnPortal('everyday vocabulary on the portal export', (portal) => {
  it.each(readCaseGroup('search-first', 'everyday-words'))(
    '"%s" finds one of %s first',
    (question, codes) => {
      expect(codes?.split(',')).toContain(portal.kb.search(question, { limit: 3 })[0]?.code)
    },
  )

  it.each([['iphone 16 pro giá bao nhiêu'], ['viết giúp tôi một bài thơ'], ['ngày mai có mưa không']])(
    'declines "%s" as outside public procedures',
    async (question) => {
      expect((await portal.kb.answer(question)).kind).toBe('not_found')
    },
  )

  it.each([['cảm ơn bạn nhiều nha'], ['ok cảm ơn'], ['chào bot']])(
    'answers "%s" as small talk',
    async (question) => {
      expect((await portal.kb.answer(question)).kind).toBe('smalltalk')
    },
  )
})

describeOnPortal('a word typed beside its reading, on the portal export', (portal) => {
  it('leaves no typed word uncovered in a name holding its reading', () => {
    const found = portal.kb.search('công ty đổi tên thì đăng ký thế nào', { limit: 5 })
    const change = found.find((r) => r.code === '2.002041')
    expect(change).toBeDefined()
    // "công ty" is read as "doanh nghiệp", which the name holds
    expect(change?.uncovered).toEqual([])
  })

  it('answers a well named request the typed words alone left uncertain', async () => {
    const well = await portal.kb.answer('dang ky khai thac nuoc gieng khoan', {})
    expect(well.kind).toBe('answer')
    expect(well.procedure?.code).toBe('1.001662')
  })
})
