import { describe, expect, it } from 'vitest'
import { sentBackRequest } from '../../../knowledge/answer/sent-back-request.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('an application sent back, with its reason told and what to do now asked', () => {
  it('is read as what was handed in, without the reason', () => {
    expect(sentBackRequest('nộp hồ sơ tách thửa rồi bị trả lại vì thiếu bản vẽ, giờ làm sao')).toBe(
      'tách thửa, làm thế nào',
    )
    expect(
      sentBackRequest('dang ky thuong tru bi tra ve vi thieu giay to cho o hop phap, gio can bo sung gi'),
    ).toBe('dang ky thuong tru, cần giấy tờ gì')
    expect(sentBackRequest('hồ sơ đăng ký hộ kinh doanh bị từ chối do trùng tên, giờ phải làm gì')).toBe(
      'đăng ký hộ kinh doanh, làm thế nào',
    )
    // no reason told, no "what now", or nothing handed in named
    expect(sentBackRequest('hồ sơ bị trả về yêu cầu bổ sung, xem chi tiết ở đâu')).toBeNull()
    expect(sentBackRequest('sao hồ sơ của tôi bị trả về vậy, xem lý do ở đâu')).toBeNull()
    expect(sentBackRequest('hồ sơ tách thửa bị trả lại, giờ làm sao')).toBeNull()
    expect(sentBackRequest('hồ sơ bị trả lại vì thiếu giấy, giờ làm sao')).toBeNull()
    expect(sentBackRequest('trả tiền lệ phí ở đâu')).toBeNull()
  })

  const portal = usePortalKnowledgeBase()

  it('offers the procedure handed in, never as if sure, instead of the progress reply', async () => {
    // "Tách thửa hoặc hợp thửa đất", "Cấp hộ chiếu phổ thông ở trong nước", "Đăng ký thường trú"
    for (const [question, code] of [
      ['nop ho so tach thua roi bi tra lai vi thieu ban ve, gio lam sao', '1.012784'],
      ['làm hộ chiếu online bị trả hồ sơ vì ảnh không đạt, nộp lại thế nào', '1.001456'],
      ['dang ky thuong tru bi tra ve vi thieu giay to cho o hop phap, gio can bo sung gi', '1.004222'],
    ] as const) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).toBe('clarify')
      expect(
        answer.candidates?.map((c) => c.code),
        question,
      ).toEqual([code])
      expect(answer.text, question).toContain('Có phải bạn hỏi')
    }
  })

  it('keeps the progress reply when nothing handed in is named', async () => {
    expect((await portal.kb.answer('hồ sơ bị trả lại vì thiếu giấy, giờ làm sao')).kind).toBe('status')
    expect((await portal.kb.answer('hồ sơ bị trả về yêu cầu bổ sung, xem chi tiết ở đâu')).kind).toBe(
      'status',
    )
  })
})
