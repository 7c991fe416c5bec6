import { describe, expect, it } from 'vitest'
import { findNamedCard } from '../../../knowledge/answer/find-named-card.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportNames, folded } from '../../helpers/export-names.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const result = (code: string) =>
  ({ code, name: exportNames.get(code) ?? '', score: 1 }) as unknown as SearchResult
const codes = (question: string, top: string, fitting: string[]) =>
  findNamedCard({ folded: folded(question), top: result(top), fitting: fitting.map(result) }).map(
    (r) => r.code,
  )

describe('a card the question names that the chosen name does not', () => {
  it('finds the names holding "thẻ tạm trú" when a civil-status record was chosen', () => {
    // 1.000893 khai sinh có yếu tố nước ngoài …; 1.003460 / 1.003358 Cấp thẻ tạm trú cho người nước ngoài …
    expect(
      codes('làm thẻ tạm trú cho chồng người nước ngoài cần giấy gì', '1.000893', [
        '1.000893',
        '1.001669',
        '1.003460',
        '1.003358',
      ]),
    ).toEqual(['1.003460', '1.003358'])
  })

  it('finds "thẻ thường trú" next to "Đăng ký thường trú", typed without marks too', () => {
    expect(codes('the thuong tru cho vo nguoi nuoc ngoai', '1.004222', ['1.004222', '1.001010'])).toEqual([
      '1.001010',
    ])
  })

  it('finds nothing when the chosen name is itself about a card, or the question names none', () => {
    expect(codes('cấp lại thẻ căn cước bị mất', '1.014064', ['1.014064', '1.014063'])).toEqual([])
    expect(codes('đăng ký thường trú cho con', '1.004222', ['1.004222', '1.001010'])).toEqual([])
  })
})

describeOnPortal('card questions over the shipped export', (portal) => {
  it.each([['làm thẻ tạm trú cho chồng người nước ngoài cần giấy gì', '1.003460']])(
    'asks about "%s" with the card procedure among the options',
    async (question, code) => {
      const answer = await portal.kb.answer(question)
      expect(answer.kind).toBe('clarify')
      expect(answer.candidates?.length).toBeLessThanOrEqual(4)
      expect(answer.candidates?.map((c) => c.code)).toContain(code)
    },
  )

  it('answers with the card procedure itself when the search ranks it first', async () => {
    const answer = await portal.kb.answer('vợ tôi người Philippines muốn xin thẻ thường trú')
    expect(answer.kind).toBe('answer')
    // The same card at the two bodies that issue it.
    expect(['1.001010', '1.003290']).toContain(answer.procedure?.code)
  })
})
