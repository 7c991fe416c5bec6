import { describe, expect, it } from 'vitest'
import { keepAskedEvents } from '../../../knowledge/answer/keep-asked-events.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const names = (...list: string[]) => list.map((name) => ({ name }))
const kept = (question: string, options: { name: string }[]) => {
  const query = expandQuery(question, synonyms)
  return keepAskedEvents(options, query.folded, query.requestPairs).map((o) => o.name)
}

describe('keepAskedEvents', () => {
  const birthAbroad = names(
    'Thủ tục đăng ký khai sinh có yếu tố nước ngoài',
    'Thủ tục đăng ký khai tử có yếu tố nước ngoài',
    'Cấp bản sao Trích lục hộ tịch',
  )

  it('leaves out an option about another civil-status event than the one asked', () => {
    expect(kept('con tôi sinh ở Nhật, muốn đăng ký khai sinh ở Việt Nam', birthAbroad)).toEqual([
      'Thủ tục đăng ký khai sinh có yếu tố nước ngoài',
      'Cấp bản sao Trích lục hộ tịch',
    ])
  })

  it('keeps every option when the question names no event, or none would remain', () => {
    expect(kept('cấp bản sao trích lục', birthAbroad)).toHaveLength(3)
    expect(kept('đăng ký kết hôn', names('Thủ tục đăng ký khai tử'))).toEqual(['Thủ tục đăng ký khai tử'])
  })

  it('reads the event a story tells as the story’s, not the one asked about', () => {
    // the marriage is told; the birth the request implies ("vừa sinh bé … làm giấy tờ cho cháu") is asked
    expect(
      kept(
        'hai vợ chồng đã đăng ký kết hôn rồi, vợ vừa sinh bé, giờ đi làm giấy tờ cho cháu cần mang gì',
        names('Thủ tục đăng ký kết hôn', 'Thủ tục đăng ký khai sinh'),
      ),
    ).toEqual(['Thủ tục đăng ký khai sinh'])
  })
})

describe('a clarify question over the real records', () => {
  const portal = usePortalKnowledgeBase()

  it('never offers a death’s registration for a birth', async () => {
    const answer = await portal.kb.answer('con tôi sinh ở Nhật, muốn đăng ký khai sinh ở Việt Nam')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.some((c) => c.name.includes('khai sinh'))).toBe(true)
    expect(answer.candidates?.some((c) => c.name.includes('khai tử'))).toBe(false)
  })
})
