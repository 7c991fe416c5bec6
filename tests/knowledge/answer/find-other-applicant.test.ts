import { describe, expect, it } from 'vitest'
import { findOtherApplicant, OTHER_APPLICANT_MARGIN } from '../../../knowledge/answer/find-other-applicant.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportResult } from '../../helpers/export-names.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

/** "Quyết toán thuế thu nhập cá nhân đối với hộ kinh doanh, cá nhân kinh doanh". */
const HOUSEHOLD_PIT = '1.014976'
/** "Khai quyết toán thuế/ Hoàn thuế đối với cá nhân cư trú có thu nhập từ tiền lương, tiền công …". */
const SALARY_PIT = '2.002233'
/** "Khai thuế thu nhập cá nhân tháng/quý đối với cá nhân có thu nhập từ tiền lương …": not a finalisation. */
const MONTHLY_PIT = '2.002237'
/** "Đăng ký thường trú": for no one in particular. */
const PERMANENT_RESIDENCE = '1.004222'

const result = (code: string, score: number, coverage = 1): SearchResult =>
  exportResult(code, score, {
    levels: ['Cấp tỉnh'],
    coverage,
    idfCoverage: coverage,
    precision: 0.4,
    uncovered: [],
  })
const words = (question: string) => new Set(analyzeText(question).map((t) => t.folded))
const rivals = (question: string, top: SearchResult, ...others: SearchResult[]) =>
  findOtherApplicant({ top, groups: [top, ...others], words: words(question) }).map((r) => r.code)

describe('procedures for another applicant', () => {
  it('finds a rival for someone else when the question says nothing of whom it is for', () => {
    expect(
      rivals('quyết toán thuế thu nhập cá nhân', result(HOUSEHOLD_PIT, 2.4), result(SALARY_PIT, 2.0)),
    ).toEqual([SALARY_PIT])
  })

  it('keeps the answer when the question names its applicant ("cho hộ kinh doanh")', () => {
    expect(
      rivals(
        'quyết toán thuế thu nhập cá nhân cho hộ kinh doanh',
        result(HOUSEHOLD_PIT, 2.4),
        result(SALARY_PIT, 2.0),
      ),
    ).toEqual([])
  })

  it('looks only at rivals close behind that hold as much of the question', () => {
    const far = 2.4 - OTHER_APPLICANT_MARGIN - 0.01
    expect(
      rivals('quyết toán thuế thu nhập cá nhân', result(HOUSEHOLD_PIT, 2.4), result(SALARY_PIT, far)),
    ).toEqual([])
    expect(
      rivals('quyết toán thuế thu nhập cá nhân', result(HOUSEHOLD_PIT, 2.4), result(MONTHLY_PIT, 2.2, 0.7)),
    ).toEqual([])
  })

  it('needs both names to say whom they are for', () => {
    expect(rivals('đăng ký thường trú', result(PERMANENT_RESIDENCE, 2.4), result(SALARY_PIT, 2.3))).toEqual(
      [],
    )
    expect(rivals('quyết toán thuế', result(HOUSEHOLD_PIT, 2.4), result(PERMANENT_RESIDENCE, 2.3))).toEqual(
      [],
    )
  })
})

describeOnPortal('a question that does not say whom the procedure is for, on the portal export', (portal) => {
  it('asks between the household business’s and the salaried person’s tax finalisation', async () => {
    const reply = await portal.kb.answer('quyet toan thue thu nhap ca nhan')
    expect(reply.kind).toBe('clarify')
    expect((reply.candidates ?? []).map((c) => c.code)).toEqual(
      expect.arrayContaining([HOUSEHOLD_PIT, SALARY_PIT]),
    )
  })

  it('answers when the question names the household business', async () => {
    const reply = await portal.kb.answer('quyết toán thuế thu nhập cá nhân cho hộ kinh doanh')
    expect(reply.kind).toBe('answer')
    expect(reply.procedure?.code).toBe(HOUSEHOLD_PIT)
  })
})
