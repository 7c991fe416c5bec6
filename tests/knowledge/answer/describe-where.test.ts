import { describe, expect, it } from 'vitest'
import {
  describeWhere,
  saysWhereToSubmit,
  submitToFromText,
} from '../../../knowledge/answer/describe-where.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { readCases } from '../../helpers/read-cases.ts'

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
  // tests/fixtures/cases/where-to-submit.tsv: the record a sentence is from, whether it goes there
  // (where or when a file is handed in) or not (a fee exemption, a time limit, a reference), the sentence
  it.each(readCases('where-to-submit'))('%s: %s for "%s"', (_code, shown, sentence) => {
    expect(String(saysWhereToSubmit(sentence))).toBe(shown)
  })
})
