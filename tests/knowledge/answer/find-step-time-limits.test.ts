import { describe, expect, it } from 'vitest'
import { findStepTimeLimits } from '../../../knowledge/answer/find-step-time-limits.ts'

/** Steps of real records (dichvucong-2026-07.jsonl) whose time column is empty, copied unchanged. */
describe('findStepTimeLimits', () => {
  it('quotes what the steps say the office takes (1.001612, household business registration)', () => {
    const steps = [
      'Trường hợp hồ sơ đủ điều kiện cấp, Cơ quan đăng ký kinh doanh cấp xã cấp Giấy chứng nhận đăng ký hộ kinh doanh và gửi thông báo về Cơ quan thuế quản lý trực tiếp hộ kinh doanh cho hộ kinh doanh trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ. Trường hợp hồ sơ không đủ điều kiện cấp, Cơ quan đăng ký kinh doanh cấp xã thông báo bằng văn bản cho người nộp hồ sơ trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ.',
    ]
    expect(findStepTimeLimits({ steps })).toEqual([
      'Trường hợp hồ sơ đủ điều kiện cấp, Cơ quan đăng ký kinh doanh cấp xã cấp Giấy chứng nhận đăng ký hộ kinh doanh và gửi thông báo về Cơ quan thuế quản lý trực tiếp hộ kinh doanh cho hộ kinh doanh trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ.',
      'Trường hợp hồ sơ không đủ điều kiện cấp, Cơ quan đăng ký kinh doanh cấp xã thông báo bằng văn bản cho người nộp hồ sơ trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ.',
    ])
  })

  it('skips the limit for asking to complete the file and keeps the one for the decision (1.005141)', () => {
    const steps = [
      'Trường hợp người yêu cầu nộp hồ sơ trực tiếp hoặc qua dịch vụ bưu chính, không quá 01 ngày làm việc kể từ khi nhận được hồ sơ, cơ quan thụ lý có văn bản gửi cho người người xin thôi quốc tịch Việt Nam để bổ sung, hoàn thiện hồ sơ.',
      'Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ, cơ quan đại diện Việt Nam ở nước ngoài có trách nhiệm đăng thông báo về việc xin thôi quốc tịch Việt Nam trên Trang thông tin điện tử của mình.',
    ]
    expect(findStepTimeLimits({ steps })).toEqual([steps[1]])
  })

  it('finds nothing in steps without a time limit, nor in a duty of the applicant (1.001579)', () => {
    expect(findStepTimeLimits({ steps: ['Bước 1: Nộp hồ sơ tại Ủy ban nhân dân cấp xã.'] })).toEqual([])
    const duty =
      'Trong thời hạn 30 ngày kể từ ngày có văn bản chấp thuận của Ngân hàng Nhà nước, tổ chức tín dụng là hợp tác xã phải thực hiện giảm vốn điều lệ và gửi Ngân hàng Nhà nước thông báo đã hoàn tất việc giảm vốn điều lệ.'
    expect(findStepTimeLimits({ steps: [duty] })).toEqual([])
  })
})
