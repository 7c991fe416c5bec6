import { describe, expect, it } from 'vitest'
import { correctedRequest } from '../../../knowledge/answer/corrected-request.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('a request told by what it is not', () => {
  it('is what follows "mà là", "mà" or "là"', () => {
    expect(correctedRequest('không phải cấp lại mà là cấp đổi căn cước')).toBe('cấp đổi căn cước')
    expect(correctedRequest('ý em không phải khai sinh mà là trích lục khai sinh')).toBe(
      'trích lục khai sinh',
    )
    expect(correctedRequest('ko phai dang ky moi ma la gia han tam tru')).toBe('gia han tam tru')
    expect(correctedRequest('không phải đăng ký mới, là gia hạn tạm trú')).toBe('gia hạn tạm trú')
    // no denial first, or nothing of its own after it
    expect(correctedRequest('cấp đổi căn cước')).toBeNull()
    expect(correctedRequest('không phải cấp lại mà là đổi')).toBeNull()
    expect(correctedRequest('làm hộ chiếu có phải đi xa không')).toBeNull()
  })

  const portal = usePortalKnowledgeBase()

  it('is answered when the whole message, read with the words denied, finds nothing sure', async () => {
    // "Cấp đổi thẻ căn cước", "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh"
    expect(await portal.kb.answer('không phải cấp lại mà là cấp đổi căn cước')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.014063' },
    })
    expect(await portal.kb.answer('ý em không phải khai sinh mà là trích lục khai sinh')).toMatchObject({
      kind: 'answer',
      procedure: { code: '2.000635' },
    })
  })
})
