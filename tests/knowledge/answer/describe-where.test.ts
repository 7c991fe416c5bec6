import { describe, expect, it } from 'vitest'
import {
  describeWhere,
  saysWhereToSubmit,
  submitToFromText,
} from '../../../knowledge/answer/describe-where.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'

/** Sentences of the steps of real records (dichvucong-2026-07.jsonl), copied unchanged. */
describe('the body a record’s steps say to submit to', () => {
  it.each([
    [
      '2.000806',
      '- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp, người yêu cầu đăng ký kết hôn nộp hồ sơ đăng ký kết hôn tại Trung tâm phục vụ hành chính công có thẩm quyền nộp lệ phí nếu thuộc trường hợp phải nộp lệ phí đăng ký kết hôn; nộp phí cấp bản sao Trích lục kết hôn nếu có yêu cầu cấp bản sao Trích lục kết hôn.',
      'Trung tâm phục vụ hành chính công có thẩm quyền',
    ],
    [
      '2.000913',
      'Trường hợp người yêu cầu chứng thực nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã thì các bên tham gia giao dịch phải ký trước mặt người tiếp nhận hồ sơ.',
      'Trung tâm Phục vụ hành chính công cấp xã',
    ],
    [
      '1.010949',
      'người nộp thuế lập hồ sơ đề nghị và gửi đến cơ quan thuế quản lý trực tiếp chậm nhất là 31 tháng 01 của năm bắt đầu khai thuế theo quý.',
      'Cơ quan thuế quản lý trực tiếp',
    ],
    [
      '2.001621',
      'Bước 1: Tổ chức, cá nhân đề nghị hỗ trợ gửi 01 bộ hồ sơ đến UBND cấp xã để thực hiện xem xét thanh toán, giải ngân.',
      'UBND cấp xã',
    ],
    [
      '1.013997',
      'cơ sở sản xuất nộp 01 bộ hồ sơ đến Ủy ban nhân dân cấp xã theo hình thức trực tiếp hoặc trực tuyến hoặc qua dịch vụ bưu chính.',
      'Ủy ban nhân dân cấp xã',
    ],
    [
      '1.005412',
      'tổ chức, cá nhân sản xuất nông nghiệp lập hồ sơ đề nghị phê duyệt đối tượng được hỗ trợ và gửi đến Ủy ban nhân dân cấp xã nơi tổ chức, cá nhân thực hiện sản xuất nông nghiệp.',
      'Ủy ban nhân dân cấp xã nơi tổ chức, cá nhân thực hiện sản xuất nông nghiệp',
    ],
    [
      '1.008544',
      '++ Trường hợp hồ sơ được nộp trực tiếp tại cơ quan thuế hoặc hồ sơ được gửi qua đường bưu chính: cơ quan thuế thực hiện tiếp nhận',
      'Cơ quan thuế',
    ],
  ])(
    'names only the body in %s, not the fee, condition, deadline or manner after it',
    (_code, sentence, body) => {
      expect(submitToFromText([sentence])).toBe(body)
    },
  )

  it('keeps what belongs to the body: where it is, who received the file', () => {
    expect(
      submitToFromText(['Bước 1: Nộp hồ sơ tại Cơ quan đăng ký kinh doanh cấp xã nơi đặt trụ sở.']),
    ).toBe('Cơ quan đăng ký kinh doanh cấp xã nơi đặt trụ sở')
    expect(
      submitToFromText([
        'Nộp hồ sơ cho Cơ quan tiếp nhận hồ sơ theo cơ chế một cửa liên thông nơi có bất động sản.',
      ]),
    ).toBe('Cơ quan tiếp nhận hồ sơ theo cơ chế một cửa liên thông nơi có bất động sản')
  })
})

describe('describeWhere', () => {
  const record = (over: Partial<Procedure>): Procedure =>
    ({
      executingAgency: null,
      competentAgency: null,
      address: null,
      steps: [],
      channels: [],
      levels: [],
      ...over,
    }) as Procedure

  it('leaves out the closing punctuation a record puts after the body (1.000656: "… thị trấn.")', () => {
    expect(describeWhere(record({ executingAgency: 'Ủy ban Nhân dân xã, phường, thị trấn.' }))).toMatchObject(
      {
        agency: 'Ủy ban Nhân dân xã, phường, thị trấn',
        from: 'agency',
      },
    )
    expect(describeWhere(record({ executingAgency: ' ', competentAgency: 'Sở Tư pháp;' }))).toMatchObject({
      agency: 'Sở Tư pháp',
      from: 'competent',
    })
  })
})

describe('saysWhereToSubmit: which sentences of a channel’s description go under "Nơi nộp"', () => {
  // true: where or when a file is handed in; false: a fee exemption, a time limit or a reference
  it.each([
    ['1.010038', true, 'Nộp hồ sơ trực tiếp tại Công an cấp xã.'],
    [
      '1.010038',
      true,
      'Thời gian tiếp nhận hồ sơ: Giờ hành chính các ngày làm việc từ thứ 2 đến thứ 6 và sáng thứ 7 hàng tuần (trừ các ngày nghỉ lễ, tết theo quy định của pháp luật).',
    ],
    ['1.008317', true, 'Tại TTPVHCC cấp tỉnh, xã'],
    [
      '3.000524',
      true,
      'Gửi trực tiếp, qua bưu điện hoặc qua phương thức điện tử đến Công an cấp tỉnh nơi tổ chức đóng trụ sở hoặc nơi cá nhân cư trú.',
    ],
    [
      '2.001035',
      false,
      'Cá nhân, hộ gia đình vay vốn tại tổ chức tín dụng để phục vụ phát triển nông nghiệp, nông thôn theo quy định tại Nghị định số 55/2015/NĐ-về chính sách tín dụng phục vụ phát triển nông nghiệp, nông thôn thì không phải nộp phí chứng thực hợp đồng thế chấp tài sản.',
    ],
    ['1.014262', false, 'Thời hạn tiếp nhận và kiểm tra hồ sơ: 03 ngày làm việc, kể từ khi nhận hồ sơ;'],
    [
      '1.013335',
      false,
      '04 ngày làm việc kể từ ngày hồ sơ được tiếp nhận và cơ sở sản xuất đã nộp đầy đủ các khoản giá dịch vụ, lệ phí.',
    ],
    ['5.003807', false, 'hướng dẫn tại Điều 6, 7, 8 và 9 Thông tư số 36/2021/TTBGTVT ngày 22/12/2021'],
    [
      '1.003821',
      false,
      'Trường hợp cơ sở không đáp ứng điều kiện, trong thời hạn tối đa 90 ngày cơ sở phải thực hiện khắc phục và gửi báo cáo kết quả khắc phục đến cơ quan có thẩm quyền cấp Giấy chứng nhận.',
    ],
  ])('%s: %s for "%s"', (_code, shown, sentence) => {
    expect(saysWhereToSubmit(sentence)).toBe(shown)
  })
})
