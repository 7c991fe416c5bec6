import { expect, it } from 'vitest'
import { asksCapital, leadCapital, NO_CAPITAL } from '../../../knowledge/answer/lead-capital.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const folded = (q: string) => expandQuery(q, synonyms).folded
const record = (over: Partial<Procedure>): Procedure =>
  ({
    name: 'Đăng ký thành lập hộ kinh doanh',
    results: [],
    requirements: null,
    steps: [],
    ...over,
  }) as Procedure

it('reads a question about the capital needed, not the fee or a contribution’s fee', () => {
  for (const q of [
    'mở hộ kinh doanh cần vốn bao nhiêu',
    'cần bao nhiêu vốn để mở công ty',
    'von toi thieu la bao nhieu',
  ])
    expect(asksCapital(folded(q)), q).toBe(true)
  for (const q of ['đăng ký hộ kinh doanh lệ phí bao nhiêu', 'góp vốn thì lệ phí bao nhiêu'])
    expect(asksCapital(folded(q)), q).toBe(false)
})

it('quotes the clause that states a capital, else says the record states none', () => {
  const q = folded('cần vốn bao nhiêu')
  const stated = record({ requirements: 'Có vốn pháp định tối thiểu là 10 tỷ đồng; có trụ sở.' })
  expect(leadCapital({ procedure: stated, folded: q })).toBe(
    'Về vốn, hồ sơ thủ tục ghi: "Có vốn pháp định tối thiểu là 10 tỷ đồng".',
  )
  expect(leadCapital({ procedure: record({}), folded: q })).toBe(NO_CAPITAL)
  expect(leadCapital({ procedure: stated, folded: folded('đăng ký hộ kinh doanh cần gì') })).toBeNull()
})

describeOnPortal('the capital asked about (the shipped export)', (portal) => {
  it('never gives the fee as the capital, asked alone or after the household business', async () => {
    const alone = await portal.kb.answer('mở hộ kinh doanh cần vốn bao nhiêu')
    expect(kindAndCode(alone)).toEqual({ kind: 'answer', code: '1.001612' })
    expect(alone.facet).not.toBe('fees')
    expect(alone.text.split('\n')[0]).toBe(NO_CAPITAL)
    const follow = await portal.kb.answer('cần vốn bao nhiêu', { procedureCode: '1.001612' })
    expect(kindAndCode(follow)).toEqual({ kind: 'answer', code: '1.001612' })
    expect(follow.text.split('\n')[0]).toBe(NO_CAPITAL)
  })
})
