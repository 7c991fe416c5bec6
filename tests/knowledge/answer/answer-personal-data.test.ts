import { describe, expect, it } from 'vitest'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('personal data in a question asked of the knowledge base directly', () => {
  const portal = usePortalKnowledgeBase()

  it('is masked as every channel masks it: its digits are no search words', async () => {
    const raw = await portal.kb.answer(
      'CCCD số 038095001234 của tôi sắp hết hạn khi đủ 25 tuổi, đổi sang thẻ căn cước mới mấy ngày thì có',
    )
    const masked = await portal.kb.answer(
      'CCCD số *** của tôi sắp hết hạn khi đủ 25 tuổi, đổi sang thẻ căn cước mới mấy ngày thì có',
    )
    expect(raw.kind).toBe(masked.kind)
    expect(raw.candidates?.map((c) => c.code)).toEqual(masked.candidates?.map((c) => c.code))
    // "Cấp đổi thẻ căn cước" is offered; before, the number left nothing found
    expect(raw.kind).not.toBe('not_found')
    expect([raw.procedure?.code, ...(raw.candidates ?? []).map((c) => c.code)]).toContain('1.014063')
    expect(raw.text).not.toContain('038095001234')
  })

  it('leaves a phone number out of the request too', async () => {
    const reply = await portal.kb.answer('làm hộ chiếu ở đâu, sđt em 0915 010 222')
    expect(reply).toMatchObject({ kind: 'answer' })
    expect(['1.001456', '1.001471']).toContain(reply.procedure?.code)
  })
})
