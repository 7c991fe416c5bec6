import { describe, expect, it } from 'vitest'
import { findObjectChoice } from '../../../knowledge/answer/find-object-choice.ts'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
/** The question's tokens and the actions it asks, as the answer passes them. */
const read = (question: string) => {
  const tokens = expandQuery(question, synonyms).tokens
  return { tokens, asked: actions.ofQuestion(tokens).actions }
}

const NAMES = [
  'Đăng ký thành lập hộ kinh doanh',
  'Đăng ký thành lập công ty cổ phần',
  'Chấm dứt hoạt động hộ kinh doanh',
  'Giải thể công ty',
  'Thủ tục đăng ký kết hôn',
  'Thủ tục đăng ký khai sinh',
  'Thủ tục đăng ký khai sinh lưu động',
]
/** The share of these names holding a folded word pair. */
const wordShare = (pair: string): number =>
  NAMES.filter((n) => ` ${foldVietnamese(n)} `.includes(` ${pair.replace('_', ' ')} `)).length / 1000
const results = (...names: string[]) => names.map((name) => ({ name }))

describe('findObjectChoice', () => {
  it('finds the procedure holding the side of the choice the best match lacks, doing the same thing', () => {
    const others = results(
      'Chấm dứt hoạt động hộ kinh doanh',
      'Giải thể công ty',
      'Đăng ký thành lập công ty cổ phần',
    )
    expect(
      findObjectChoice({
        ...read('nên mở công ty hay hộ kinh doanh'),
        top: 'Đăng ký thành lập hộ kinh doanh',
        others,
        actions,
        wordShare,
      })?.name,
    ).toBe('Đăng ký thành lập công ty cổ phần')
    expect(
      findObjectChoice({
        ...read('đăng ký khai sinh hay kết hôn trước'),
        top: 'Thủ tục đăng ký kết hôn',
        others: results('Thủ tục đăng ký khai sinh'),
        actions,
        wordShare,
      })?.name,
    ).toBe('Thủ tục đăng ký khai sinh')
  })

  it('finds nothing without a choice between objects, or when the best match holds both sides or neither', () => {
    const others = results('Thủ tục đăng ký khai sinh', 'Đăng ký thành lập công ty cổ phần')
    const find = (question: string, top: string) =>
      findObjectChoice({ ...read(question), top, others, actions, wordShare })
    // no "hay"
    expect(find('đăng ký kết hôn cần giấy tờ gì', 'Thủ tục đăng ký kết hôn')).toBeNull()
    // a choice of places, which no name holds
    expect(find('đăng ký kết hôn ở xã hay ở tỉnh', 'Thủ tục đăng ký kết hôn')).toBeNull()
    // the best match holds neither side
    expect(find('nên mở công ty hay hộ kinh doanh', 'Thủ tục đăng ký kết hôn')).toBeNull()
    // the other side's procedure does something else ("giải thể", not "thành lập")
    expect(
      findObjectChoice({
        ...read('nên mở công ty hay hộ kinh doanh'),
        top: 'Đăng ký thành lập hộ kinh doanh',
        others: results('Giải thể công ty'),
        actions,
        wordShare,
      }),
    ).toBeNull()
  })
})

describe('a question choosing between two objects, over the real records', () => {
  const portal = usePortalKnowledgeBase()

  it('asks which is meant and offers both sides, never one of them as the answer', async () => {
    const business = await portal.kb.answer('nên mở công ty hay hộ kinh doanh')
    expect(business.kind).toBe('clarify')
    const offered = business.candidates?.map((c) => c.name) ?? []
    expect(offered).toContain('Đăng ký thành lập hộ kinh doanh')
    expect(offered.some((name) => /^Đăng ký thành lập công ty/.test(name))).toBe(true)
    const events = await portal.kb.answer('đăng ký khai sinh hay kết hôn trước')
    expect(events.kind).toBe('clarify')
    expect(events.candidates?.map((c) => c.name).sort()).toEqual([
      'Thủ tục đăng ký khai sinh',
      'Thủ tục đăng ký kết hôn',
    ])
  })

  it('still answers a choice of places within one procedure', async () => {
    const answer = await portal.kb.answer('đăng ký kết hôn ở xã hay ở tỉnh')
    expect(answer.kind).toBe('answer')
    expect(answer.procedure?.name).toBe('Thủ tục đăng ký kết hôn')
  })
})
