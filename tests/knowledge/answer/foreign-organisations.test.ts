import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const misfit = (question: string, name: string) =>
  actions.misfit(actions.ofQuestion(expandQuery(question, synonyms).tokens), name)

const SECURITIES =
  'Thay đổi tên, địa chỉ trụ sở chính của tổ chức kinh doanh chứng khoán nước ngoài có chi nhánh, văn phòng đại diện tại Việt Nam'
const LAW_FIRM = 'Đăng ký hoạt động của chi nhánh, công ty luật nước ngoài'

/**
 * A foreign securities firm, fund manager, law firm or lawyer is for foreigners, as "người nước ngoài"
 * is (knowledge/data/procedure-actions.json): its procedures fit only a question that speaks of a
 * foreign party, so a company moving its head office is asked about the company's own procedure first.
 */
describe('foreign organisations in procedure names', () => {
  it('reads them as for foreigners only', () => {
    expect(actions.ofName(SECURITIES).qualifiers.get('nationality')).toEqual(new Set(['foreigner']))
    // (a securities firm's procedure is also for that trade only: either qualifier rules it out)
    expect(misfit('công ty chuyển trụ sở sang tỉnh khác', SECURITIES)?.kind).toBe('qualifier')
    expect(misfit('công ty luật mở chi nhánh', LAW_FIRM)).toEqual({ kind: 'qualifier', group: 'nationality' })
    expect(misfit('công ty luật nước ngoài mở chi nhánh', LAW_FIRM)).toBeNull()
  })

  describeOnPortal('on the national export', (portal) => {
    it("offers the enterprise's change of head office, not the foreign securities firm's, to a company moving", async () => {
      const answer = await portal.kb.answer('cty chuyển trụ sở sang tỉnh khác thì làm thủ tục gì', {})
      expect(['answer', 'clarify']).toContain(answer.kind)
      expect(offeredCodes(answer)).toContain('2.002041')
      expect(offeredCodes(answer)).not.toContain('1.009822')
    })
  })
})
