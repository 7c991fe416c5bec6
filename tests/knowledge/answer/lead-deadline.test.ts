import { describe, expect, it } from 'vitest'
import {
  asksFilingDeadline,
  findFilingDeadline,
  leadDeadline,
  NO_DEADLINE_RECORDED,
} from '../../../knowledge/answer/lead-deadline.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const folded = (q: string) => expandQuery(q, synonyms).folded
const record = (over: Partial<Procedure>): Procedure =>
  ({ name: 'Thủ tục', requirements: null, steps: [], documents: [], ...over }) as Procedure

describe('by when the citizen must file', () => {
  it('is asked by a time beside "phải" or a last day, not by how long the office takes or whether it is needed', () => {
    for (const q of [
      'sinh con bao nhiêu ngày thì phải đi khai sinh',
      'nguoi mat bao lau thi phai khai tu',
      'mua xe bao lâu phải sang tên',
      'tạm ngừng kinh doanh phải báo trước mấy ngày',
      'hạn chót đăng ký tạm trú là khi nào',
    ])
      expect(asksFilingDeadline(folded(q)), q).toBe(true)
    for (const q of [
      'đăng ký khai sinh mất bao lâu',
      'bao lâu thì có căn cước',
      'đi làm xa nhà mấy tháng có phải khai báo tạm vắng không',
    ])
      expect(asksFilingDeadline(folded(q)), q).toBe(false)
  })

  it('is quoted from the record when it binds the applicant, never an office’s time for handling the file', () => {
    const birth = record({
      steps: [
        'Trong thời hạn 03 ngày làm việc kể từ ngày nhận được yêu cầu xác minh, Ủy ban nhân dân cấp xã có trách nhiệm kiểm tra, xác minh.',
        '- Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con; trường hợp cha, mẹ không thể đăng ký thì ông hoặc bà có trách nhiệm đăng ký.',
      ],
    })
    expect(findFilingDeadline(birth)).toBe(
      'Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con',
    )
    const office = record({
      steps: [
        'Trường hợp hồ sơ không đúng quy định, phải thông báo cho cá nhân trong thời hạn 02 ngày làm việc, kể từ ngày nhận hồ sơ.',
        'Trong thời hạn 05 ngày làm việc kể từ ngày nhận được đơn phải thông báo bằng văn bản cho các bên.',
      ],
    })
    expect(findFilingDeadline(office)).toBeNull()
    const notice = record({
      steps: [
        'Trường hợp đăng ký trực tiếp: Trường hợp hộ kinh doanh tạm ngừng kinh doanh từ 15 ngày trở lên, hộ kinh doanh gửi hồ sơ đến Cơ quan đăng ký kinh doanh cấp xã chậm nhất là 03 ngày làm việc trước ngày tạm ngừng kinh doanh.',
      ],
    })
    expect(findFilingDeadline(notice)).toMatch(
      /^Trường hợp hộ kinh doanh tạm ngừng .* chậm nhất là 03 ngày làm việc trước ngày tạm ngừng kinh doanh$/,
    )
    const q = folded('bao lâu thì phải làm')
    expect(leadDeadline({ procedure: birth, folded: q })).toBe(
      'Về thời hạn phải làm, hồ sơ thủ tục ghi: "Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con". Thời hạn giải quyết dưới đây là thời gian cơ quan xử lý hồ sơ.',
    )
    expect(leadDeadline({ procedure: office, folded: q })).toBe(NO_DEADLINE_RECORDED)
    expect(leadDeadline({ procedure: birth, folded: folded('mất bao lâu') })).toBeNull()
  })
})

describe('answers to by when one must file (the national export)', () => {
  const portal = usePortalKnowledgeBase()

  it('lead with the record’s time limit on the applicant, before the processing time', async () => {
    const birth = await portal.kb.answer('sinh con bao nhiêu ngày thì phải đi khai sinh')
    expect(birth).toMatchObject({ kind: 'answer', procedure: { code: '1.001193' } })
    expect(birth.text).toMatch(
      /^Về thời hạn phải làm, hồ sơ thủ tục ghi: "Trong thời hạn 60 ngày kể từ ngày sinh con/,
    )
    expect(birth.text).toContain('Thời hạn giải quyết')
    const death = await portal.kb.answer('người mất bao lâu thì phải khai tử')
    expect(death).toMatchObject({ kind: 'answer', procedure: { code: '1.000656' } })
    expect(death.text).toContain('Trong thời hạn 15 ngày kể từ ngày có người chết')
  })
})
