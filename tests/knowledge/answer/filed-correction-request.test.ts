import { describe, expect, it } from 'vitest'
import { filedCorrectionRequest } from '../../../knowledge/answer/filed-correction-request.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('an application handed in, with a mistake found after and how to put it right asked', () => {
  it('is read as what was handed in, without the mistake', () => {
    expect(
      filedCorrectionRequest(
        'Tui khai tạm trú online cho mấy đứa sinh viên thuê trọ rồi, giờ mới thấy ghi sai số phòng, sửa lại sao?',
      ),
    ).toBe('khai tạm trú online cho mấy đứa sinh viên thuê trọ, làm thế nào')
    expect(
      filedCorrectionRequest(
        'da nop ho so dang ky ho kinh doanh, gio moi thay ghi nham nganh nghe, sua the nao',
      ),
    ).toBe('dang ky ho kinh doanh, làm thế nào')
    // nothing handed in: the record itself is wrong, a correction of its own
    expect(filedCorrectionRequest('giấy khai sinh của con ghi sai tên mẹ, sửa lại thế nào')).toBeNull()
    // handed in, but nothing wrong in it, or nothing to put right asked
    expect(filedCorrectionRequest('đã nộp hồ sơ cấp đổi sổ đỏ, bao lâu có kết quả')).toBeNull()
    expect(filedCorrectionRequest('đã nộp hồ sơ khai sinh, giờ mới thấy ghi sai tên bố')).toBeNull()
    // nothing named before the mistake
    expect(filedCorrectionRequest('đã nộp rồi, giờ thấy ghi sai, sửa sao')).toBeNull()
  })

  const portal = usePortalKnowledgeBase()

  it('offers the procedure handed in, never as if sure', async () => {
    const stay = await portal.kb.answer(
      'Tui khai tạm trú online cho mấy đứa sinh viên thuê trọ rồi, giờ mới thấy ghi sai số phòng, hồ sơ đang chờ duyệt thì sửa lại sao?',
    )
    expect(stay.kind).toBe('clarify')
    expect(offeredCodes(stay)).toEqual(['1.004194'])
    // "Đăng ký tạm trú"; read whole, neither message found anything sure
    const birth = await portal.kb.answer(
      'Đã nộp hồ sơ sửa tên đệm trong giấy khai sinh cho con ở phường, giờ mới phát hiện tờ khai ghi sai cả tên bố, sửa lại được không hay phải nộp lại từ đầu?',
    )
    expect(birth.kind).toBe('clarify')
    expect(offeredCodes(birth)).toContain('1.004859')
  })
})
