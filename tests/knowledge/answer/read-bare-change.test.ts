import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { readBareChange } from '../../../knowledge/answer/read-bare-change.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()

/** The actions asked, once a bare "đổi" is read against the best matches' names. */
const asked = (question: string, names: string[]) => {
  const query = expandQuery(question, synonyms)
  return [
    ...readBareChange({ tokens: query.tokens, traits: actions.ofQuestion(query.tokens), names, actions })
      .actions,
  ]
}

const VAT_PERIOD = [
  'Thay đổi kỳ tính thuế giá trị gia tăng từ tháng sang quý',
  'Khai thuế giá trị gia tăng đối với phương pháp trực tiếp trên doanh thu',
]
const LICENCE = ['Đổi giấy phép lái xe', 'Cấp lại giấy phép lái xe']

describe('readBareChange', () => {
  it('reads a bare "đổi" as a change where no best match exchanges and the best one changes', () => {
    expect(
      asked('doanh nghiệp muốn đổi kê khai thuế giá trị gia tăng từ tháng sang quý', VAT_PERIOD),
    ).toEqual(['change'])
    expect(asked('doi ky khai thue gtgt tu thang sang quy', VAT_PERIOD)).toEqual(['change'])
  })

  it('keeps the exchange where a best match exchanges, the best one does not change, or other words ask it', () => {
    expect(asked('đổi bằng lái xe', LICENCE)).toEqual(['exchange'])
    expect(
      asked('đổi kê khai thuế', ['Khai thuế giá trị gia tăng đối với phương pháp trực tiếp trên doanh thu']),
    ).toEqual(['exchange'])
    // "cấp đổi" names the exchange itself
    expect(asked('cấp đổi kỳ tính thuế', VAT_PERIOD)).toEqual(['exchange'])
  })

  const portal = usePortalKnowledgeBase()

  it('answers the switch of a VAT period with its change, where it said the records lack it', async () => {
    const answer = await portal.kb.answer(
      'doanh nghiệp muốn đổi kê khai thuế giá trị gia tăng từ tháng sang quý',
    )
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.010949' } })
  })
})
