import { expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itRanksFirst } from '../../helpers/portal-question-tables.ts'

describeOnPortal('an employer registering its staff for social insurance', (portal) => {
  itRanksFirst(portal, '"%s" finds the employer’s registration (%s) first', [
    [
      'công ty mới tuyển 5 nhân viên, đăng ký đóng bảo hiểm xã hội cho người lao động lần đầu thế nào',
      '1.002051',
    ],
    ['cong ty moi tuyen nguoi, dong bao hiem xa hoi cho nguoi lao dong o dau', '1.002051'],
    ['đóng bảo hiểm cho nhân viên mới thủ tục thế nào', '1.002051'],
  ])

  it('reads no employer in a worker insuring themselves', () => {
    const terms = expandQuery('tôi là lao động tự do muốn tự đóng bảo hiểm xã hội', loadSynonyms()).terms
    expect(terms.map((t) => t.folded)).not.toContain('nghiep')
  })
})
