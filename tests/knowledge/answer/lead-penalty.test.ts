import { expect, it } from 'vitest'
import { asksPenalty, leadPenalty, NOT_RECORDED } from '../../../knowledge/answer/lead-penalty.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const folded = (q: string) => expandQuery(q, synonyms).folded
const record = (over: Partial<Procedure>): Procedure =>
  ({ name: 'Thủ tục đăng ký khai sinh', results: [], requirements: null, steps: [], ...over }) as Procedure

it('reads a question about a fine, typed with or without marks, and not "phát" (found out, issued)', () => {
  for (const q of [
    'đăng ký khai sinh quá hạn có bị phạt không',
    'lam muon thi phat bao nhieu',
    'không đăng ký tạm trú bị xử phạt thế nào',
    'mức phạt khi không sang tên xe',
  ])
    expect(asksPenalty(folded(q)), q).toBe(true)
  for (const q of [
    'bị phát hiện khai sai thì sao',
    'giấy phép phát hành xuất bản phẩm',
    'phát sinh thêm phí không',
    'đăng ký khai sinh mất bao lâu',
  ])
    expect(asksPenalty(folded(q)), q).toBe(false)
})

it('quotes the clause of the record that speaks of a sanction, with the clause it points back at, else says the record is silent', () => {
  const q = folded('quá hạn có bị phạt không')
  const stated = record({
    steps: [
      'Trong thời hạn 30 ngày, chủ xe phải làm thủ tục thu hồi; trường hợp quá thời hạn trên thì người có thẩm quyền thực hiện thủ tục xử phạt vi phạm hành chính theo quy định; trường hợp khác thì làm theo hướng dẫn.',
    ],
  })
  expect(leadPenalty({ procedure: stated, folded: q })).toBe(
    'Về xử phạt, hồ sơ thủ tục chỉ ghi: "Trong thời hạn 30 ngày, chủ xe phải làm thủ tục thu hồi; trường hợp quá thời hạn trên thì người có thẩm quyền thực hiện thủ tục xử phạt vi phạm hành chính theo quy định".',
  )
  expect(leadPenalty({ procedure: record({ requirements: 'Không có.' }), folded: q })).toBe(NOT_RECORDED)
  expect(leadPenalty({ procedure: stated, folded: folded('đăng ký khai sinh cần gì') })).toBeNull()
})

describeOnPortal('a fine asked about (the shipped export)', (portal) => {
  it('answers the procedure and says first that its record sets no fine, naming no amount', async () => {
    const answer = await portal.kb.answer('đăng ký khai sinh quá hạn có bị phạt không', {})
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.001193' })
    expect(answer.text.split('\n')[0]).toBe(NOT_RECORDED)
    expect(answer.reply?.lead.startsWith(NOT_RECORDED)).toBe(true)
  })

  it('quotes what the vehicle transfer’s record says of a late transfer', async () => {
    const answer = await portal.kb.answer('mua xe cũ chưa sang tên có bị phạt không', {})
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.013076' })
    const [first] = answer.text.split('\n')
    expect(first).toMatch(/^Về xử phạt, hồ sơ thủ tục chỉ ghi: "Trong thời hạn 30 ngày/)
    expect(first).toContain('xử phạt vi phạm hành chính')
  })

  it('keeps a fine asked after an answer on the conversation’s procedure', async () => {
    const first = await portal.kb.answer('đăng ký khai sinh', {})
    expect(kindAndCode(first)).toEqual({ kind: 'answer', code: '1.001193' })
    for (const follow of ['quá hạn có bị phạt không', 'bị phạt không']) {
      const answer = await portal.kb.answer(follow, { procedureCode: '1.001193' })
      expect(kindAndCode(answer), follow).toEqual({ kind: 'answer', code: '1.001193' })
      expect(answer.text.split('\n')[0], follow).toBe(NOT_RECORDED)
    }
  })
})
