import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('facts the citizen tells beside the request', () => {
  const portal = usePortalKnowledgeBase()

  it('answer the request though a span of time is told with it', async () => {
    for (const question of [
      'tạm ngừng hộ kinh doanh 3 tháng',
      'hkd muốn tạm ngừng kinh doanh 3 tháng',
      'tam nghi ban quan 3 thang co phai bao khong',
    ])
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.001570' },
      })
  })

  it('never offer a variant whose age the person told is past', async () => {
    const answer = await portal.kb.answer('căn cước của bà em 80 tuổi có phải đổi không')
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.014063' } })
    const child = await portal.kb.answer('làm căn cước cho con 10 tuổi')
    expect(child).toMatchObject({ kind: 'answer', procedure: { code: '1.014062' } })
  })
})
