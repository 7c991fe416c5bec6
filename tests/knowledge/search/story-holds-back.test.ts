import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const words = (text: string) => expandQuery(text, synonyms).terms.map((t) => t.folded)

describe('what holds an expansion of the request back', () => {
  it('is read in the request when the story tells what is already done', () => {
    // the contract was certified: the request's "sổ đỏ" is the land certificate to transfer
    expect(words('mua đất có hợp đồng công chứng rồi, giờ sang tên sổ đỏ thế nào')).toContain('bien')
    expect(words('tôi mua mảnh đất, hợp đồng công chứng xong rồi, giờ sang tên sổ đỏ ở đâu')).toContain(
      'bien',
    )
    // asked in the request itself, certifying still holds the land certificate back
    expect(words('công chứng sổ đỏ ở đâu')).not.toContain('bien')
  })

  it('is read in the whole message when the story only sets the scene', () => {
    // the other company's name, not a person's: no change of civil status
    expect(
      words(
        'doanh nghiệp khác đặt tên trùng nhãn hiệu đã đăng ký của công ty tôi, đề nghị họ đổi tên thế nào',
      ),
    ).not.toContain('tich')
  })

  const portal = usePortalKnowledgeBase()

  it('answers the transfer after a certified contract', async () => {
    // "Đăng ký biến động quyền sử dụng đất … chuyển nhượng, thừa kế, tặng cho …"; the certification was offered before
    expect(
      await portal.kb.answer('mua đất có hợp đồng công chứng rồi, giờ sang tên sổ đỏ thế nào'),
    ).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.013831' },
    })
  })
})
