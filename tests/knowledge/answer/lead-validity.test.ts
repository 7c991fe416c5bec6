import { expect, it } from 'vitest'
import { asksValidity, leadValidity, NOT_STATED } from '../../../knowledge/answer/lead-validity.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const folded = (q: string) => expandQuery(q, synonyms).folded
const record = (over: Partial<Procedure>): Procedure =>
  ({ name: 'Đăng ký xe tạm thời', results: [], requirements: null, steps: [], ...over }) as Procedure

it('reads a question about how long the issued paper stays valid, not one that says it expired', () => {
  for (const q of [
    'bằng lái quốc tế dùng được bao lâu',
    'phiếu lý lịch tư pháp có giá trị trong bao lâu',
    'giay xac nhan doc than dung duoc may thang',
    'hộ chiếu có hiệu lực bao lâu',
  ])
    expect(asksValidity(folded(q)), q).toBe(true)
  for (const q of [
    'làm bằng lái quốc tế mất bao lâu',
    'căn cước hết hạn sử dụng thì đổi ở đâu',
    'thẻ tạm trú hết thời hạn sử dụng phải làm sao',
  ])
    expect(asksValidity(folded(q)), q).toBe(false)
})

it('quotes the results where they state a validity, and says so where they do not', () => {
  const q = folded('giấy đăng ký xe tạm thời dùng được bao lâu')
  const stated = record({ results: ['Giấy chứng nhận đăng ký xe tạm thời có giá trị sử dụng 15 ngày.'] })
  expect(leadValidity({ procedure: stated, folded: q })).toBe(
    'Về thời hạn sử dụng, phần kết quả của hồ sơ thủ tục ghi: Giấy chứng nhận đăng ký xe tạm thời có giá trị sử dụng 15 ngày.',
  )
  // a condition on a paper the applicant brings is no validity of the paper issued
  const condition = record({
    requirements: 'Hộ chiếu còn giá trị ít nhất 01 năm.',
    results: ['Giấy miễn thị thực.'],
  })
  expect(leadValidity({ procedure: condition, folded: q })).toBe(NOT_STATED)
  expect(leadValidity({ procedure: stated, folded: folded('đăng ký xe tạm thời mất bao lâu') })).toBeNull()
})

describeOnPortal('how long a paper stays valid (the shipped export)', (portal) => {
  it('never gives the processing time as the answer', async () => {
    const answer = await portal.kb.answer('bằng lái quốc tế dùng được bao lâu', {})
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '3.000353' })
    expect(answer.facet).toBe('result')
    expect(answer.text.split('\n')[0]).toBe(NOT_STATED)
    expect(answer.reply?.lead.startsWith(NOT_STATED)).toBe(true)
    expect(answer.text).not.toMatch(/Thời hạn giải quyết: 5 ngày/)
  })
})
