import { describe, expect, it } from 'vitest'
import { countListed } from '../../../knowledge/search/analyse-procedure-name.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const portal = usePortalKnowledgeBase()
const first = (question: string) => portal.kb.search(question, { limit: 1 })[0]?.code

// Conditions ("bị …"), secondary actions ("rút", "phúc khảo", "hủy" after a comma), the registration fee
// of a vehicle and "attp": tests/fixtures/cases/search-first.tsv, group "conditions", with why each ranks so.
describe('conditions and secondary actions in procedure names on the portal export', () => {
  it.each(readCaseGroup('search-first', 'conditions'))('"%s" finds %s first', (question, code) => {
    expect(first(question)).toBe(code)
  })

  it('reads "bị thu hồi" in a question as the condition too: the re-issue after a withdrawal stays first', () => {
    // Cấp lại Chứng chỉ hành nghề luật sư trong trường hợp bị thu hồi …, well ahead of the withdrawal itself.
    const [best, next] = portal.kb.search('cấp lại chứng chỉ hành nghề luật sư bị thu hồi', { limit: 2 })
    expect(best?.code).toBe('1.008624')
    expect((best?.score ?? 0) - (next?.score ?? 0)).toBeGreaterThan(0.15)
  })
})

describe('a secondary action listed after a comma, a slash or "hoặc" is one more thing the procedure covers', () => {
  // "hủy" in "việc ly hôn, hủy việc kết hôn" is listed, not the procedure's action.
  it.each(readCaseGroup('count-phrase', 'listed'))(
    'counts %j as listing %j %s times',
    (name, phrase, count) => {
      expect(countListed(name, phrase)).toBe(Number(count))
    },
  )
})
