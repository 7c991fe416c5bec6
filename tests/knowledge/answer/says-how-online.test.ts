import { describe, expect, it } from 'vitest'
import { saysHowToApplyOnline } from '#knowledge/answer/says-how-online.ts'

/** Sentences of online channels' descriptions in the national export (codes in brackets). */
describe('saysHowToApplyOnline', () => {
  it.each([
    ['Chủ xe thực hiện kê khai đăng ký xe trên Cổng dịch vụ công hoặc Ứng dụng định danh quốc gia.'], // 1.012575
    ['Cách thực hiện: Nộp hồ sơ thông qua Cổng Dịch vụ công quốc gia (địa chỉ http://dichvucong.gov.vn).'], // 1.014786
    [
      'Thực hiện trực tuyến thông qua Cổng dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, Ứng dụng định danh quốc gia.',
    ], // 1.014064
    ['Qua Cổng dịch vụ công quốc gia'], // 2.002235
  ])('keeps how to apply online: %s', (sentence) => {
    expect(saysHowToApplyOnline(sentence)).toBe(true)
  })

  it.each([
    ['04 ngày làm việc, kể từ ngày nhận đủ hồ sơ theo quy định'], // 1.014853
    ['Trong thời hạn 05 ngày làm việc, kể từ ngày nhận được hồ sơ hợp lệ.'], // 1.004077
    [
      'Trực tuyến tại Cổng Dịch vụ công quốc gia.: 07 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ và hợp lệ.',
    ], // 3.000578
    ['Thời hạn giải quyết:'], // 1.014244
    ['Cách thức thực hiện:'], // 1.013076
    ['Trực tiếp: nộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh, Bộ Công an.'], // 1.014902
    [
      'Phí: 500.000 đồng/hồ sơ (áp dụng mức phí 250.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026).',
    ], // 1.002626
    ['Trả kết quả tại cơ quan đăng ký xe hoặc qua dịch vụ bưu chính.'], // 3.000382
  ])('leaves out what is not how to apply online: %s', (sentence) => {
    expect(saysHowToApplyOnline(sentence)).toBe(false)
  })
})
