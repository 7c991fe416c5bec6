import { describe, expect, it } from 'vitest'
import { findFirstIssue } from '../../../knowledge/answer/find-first-issue.ts'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { exportResult } from '../../helpers/export-names.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const traits = (question: string) => actions.ofQuestion(expandQuery(question, synonyms).tokens)

/** "Cấp lại Giấy chứng nhận đăng ký thuế, Thông báo mã số thuế" */
const TAX_REISSUE = '1.008501'
/** "Đăng ký thuế lần đầu đối với người nộp thuế là cá nhân, người phụ thuộc" */
const TAX_FIRST = '1.008498'
/** "Khôi phục mã số thuế": a later step too */
const TAX_RESTORE = '1.008510'

describe('findFirstIssue', () => {
  const reissue = exportResult(TAX_REISSUE, 1.9)
  const restore = exportResult(TAX_RESTORE, 1.6)
  const first = exportResult(TAX_FIRST, 1.3)
  const find = (question: string, top = reissue) =>
    findFirstIssue({ top, groups: [top, restore, first], question: traits(question), actions })?.map(
      (r) => r.code,
    ) ?? null

  it('offers the names doing a first step beside a re-issue the question did not ask for', () => {
    expect(find('cần có mã số thuế cá nhân')).toEqual([TAX_FIRST])
  })

  it('stays out when the question names an action or the name is no re-issue', () => {
    expect(find('cấp lại mã số thuế cá nhân')).toBeNull()
    expect(find('bị mất thông báo mã số thuế')).toBeNull()
    expect(find('cần có mã số thuế cá nhân', first)).toBeNull()
  })

  const portal = usePortalKnowledgeBase()

  it('reads "mã số thuế" typed out as the tax registration, as "mst" is', () => {
    for (const question of ['làm mã số thuế cho cá nhân mới đi làm', 'lam ma so thue ca nhan o dau'])
      expect(
        portal.kb.search(question, { limit: 3 }).map((r) => r.code),
        question,
      ).toContain(TAX_FIRST)
  })

  it('answers the first registration to a citizen asking for a tax code, never the re-issue', async () => {
    for (const question of ['xin mst cho ca nhan o dau', 'cần có mã số thuế cá nhân, làm ở đâu']) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).toBe('answer')
      expect(answer.procedure?.code, question).toBe(TAX_FIRST)
    }
  })

  it('asks between the first issues before the re-issue and exchange when a card is asked for plainly', async () => {
    for (const question of ['cấp căn cước', 'làm căn cước']) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).toBe('clarify')
      expect(answer.text, question).not.toMatch(/^Tôi chưa chắc/)
      expect((answer.candidates ?? []).map((c) => c.code).slice(0, 2), question).toEqual([
        '1.014062',
        '1.014061',
      ])
    }
  })

  it('answers the re-issue when the notice was lost', async () => {
    const answer = await portal.kb.answer('làm lại mst bị mất')
    expect(answer.procedure?.code).toBe(TAX_REISSUE)
  })
})
