import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('an employer registering its staff for social insurance', () => {
  const portal = usePortalKnowledgeBase()

  it.each([
    'công ty mới tuyển 5 nhân viên, đăng ký đóng bảo hiểm xã hội cho người lao động lần đầu thế nào',
    'cong ty moi tuyen nguoi, dong bao hiem xa hoi cho nguoi lao dong o dau',
    'đóng bảo hiểm cho nhân viên mới thủ tục thế nào',
  ])('"%s" finds the employer’s registration (1.002051) first', (question) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe('1.002051')
  })

  it('reads no employer in a worker insuring themselves', () => {
    const terms = expandQuery('tôi là lao động tự do muốn tự đóng bảo hiểm xã hội', loadSynonyms()).terms
    expect(terms.map((t) => t.folded)).not.toContain('nghiep')
  })
})
