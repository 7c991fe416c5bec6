import { describe, expect, it } from 'vitest'
import { parseDocuments } from '../../../knowledge/procedures/parse-documents.ts'

const H = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng'

describe('parseDocuments', () => {
  it('splits rows at their glued quantities', () => {
    const { value, warnings } = parseDocuments(
      `--${H}- Văn bản báo cáo về việc đã giải quyết xong tài sản.1 bản chínhẢnh chụp hiện trạng cây xanh0 bản chính,1 bản sao`,
    )
    expect(value).toEqual([
      {
        name: 'Văn bản báo cáo về việc đã giải quyết xong tài sản.',
        template: null,
        copies: '1 bản chính',
        group: null,
      },
      { name: 'Ảnh chụp hiện trạng cây xanh', template: null, copies: '0 bản chính,1 bản sao', group: null },
    ])
    expect(warnings).toEqual([])
  })

  it.each([
    [
      'Đơn đề nghị cấp giấy phép chặt hạ, dịch chuyển cây xanh theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CPMẫu số 01.docx1 bản chính',
      'Đơn đề nghị cấp giấy phép chặt hạ, dịch chuyển cây xanh theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CP',
      'Mẫu số 01.docx',
    ],
    [
      'Văn bản đề nghị chấp thuận tạm ngừng giao dịch theo mẫu tại Phụ lục VIII ban hành kèm theo Thông tư số 73/2025/TT-NHNN;Phụ lục VIII.docx1 bản chính',
      'Văn bản đề nghị chấp thuận tạm ngừng giao dịch theo mẫu tại Phụ lục VIII ban hành kèm theo Thông tư số 73/2025/TT-NHNN;',
      'Phụ lục VIII.docx',
    ],
    [
      'Báo cáo tình hình thực hiện kể từ khi được chấp thuận theo Mẫu số 09 quy định tại Phụ lục II ban hành kèm theo Nghị định số 121/2021/NĐ-CP ngày 27/12/2021.Mus09.docx1 bản chính',
      'Báo cáo tình hình thực hiện kể từ khi được chấp thuận theo Mẫu số 09 quy định tại Phụ lục II ban hành kèm theo Nghị định số 121/2021/NĐ-CP ngày 27/12/2021.',
      'Mus09.docx',
    ],
    [
      'Đơn đăng ký hoạt động theo mẫu (Mẫu NA9).Mẫu số 05-PLIII-LS.docxMẫu số 06-PLIII-LS.docx1 bản chính',
      'Đơn đăng ký hoạt động theo mẫu (Mẫu NA9).',
      'Mẫu số 05-PLIII-LS.docx, Mẫu số 06-PLIII-LS.docx',
    ],
  ])('separates the template file glued to %s', (row, name, template) => {
    const [document] = parseDocuments(`--${H}${row}`).value
    expect(document).toEqual({ name, template, copies: '1 bản chính', group: null })
  })

  it('takes the quantity from the last digit when a form number is glued to it', () => {
    const [document] = parseDocuments(`--${H}Tờ khai theo Mẫu số 011 bản chính`).value
    expect(document).toMatchObject({ name: 'Tờ khai theo Mẫu số 01', copies: '1 bản chính' })
  })

  it('assigns each row the sub-heading it is listed under', () => {
    const { value } = parseDocuments(
      `* Giấy tờ phải nộp:${H}- Giấy chứng sinh1 bản chính* Giấy tờ phải xuất trình:${H}- Giấy tờ tùy thân1 bản chính--${H}- Tờ khai đăng ký khai sinh1 bản chính`,
    )
    expect(value.map((d) => [d.name, d.group])).toEqual([
      ['Giấy chứng sinh', 'Giấy tờ phải nộp'],
      ['Giấy tờ tùy thân', 'Giấy tờ phải xuất trình'],
      ['Tờ khai đăng ký khai sinh', null],
    ])
  })

  it('keeps a trailing row without a quantity and warns', () => {
    const { value, warnings } = parseDocuments(`--${H}Tờ khai1 bản chínhBiên bản nghiệm thu dự án`)
    expect(value.at(-1)).toEqual({
      name: 'Biên bản nghiệm thu dự án',
      template: null,
      copies: null,
      group: null,
    })
    expect(warnings.map((w) => w.code)).toEqual(['DOCUMENT_NO_QUANTITY'])
  })

  it('keeps a form number in brackets with the name, not with the template file (1.003220)', () => {
    const { value } = parseDocuments(
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản khai cá nhân khi đã nghỉ công tác hưởng chế độ (mẫu 2A)36-Mẫu 2A-Bản khai cá nhân.doc2 bản chínhCông văn đề nghị (mẫu 8A) kèm theo danh sách (mẫu 9B).47-Mẫu 8A-Công văn đề nghị (1).doc2 bản chính',
    )
    expect(value.map((d) => [d.name, d.template])).toEqual([
      ['Bản khai cá nhân khi đã nghỉ công tác hưởng chế độ (mẫu 2A)', '36-Mẫu 2A-Bản khai cá nhân.doc'],
      ['Công văn đề nghị (mẫu 8A) kèm theo danh sách (mẫu 9B).', '47-Mẫu 8A-Công văn đề nghị (1).doc'],
    ])
  })

  it('ignores text that is not a documents table and warns', () => {
    const { value, warnings } = parseDocuments(
      ') và nộp cho cơ quan BHXH.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ',
    )
    expect(value).toEqual([])
    expect(warnings.map((w) => w.code)).toEqual(['DOCUMENTS_UNPARSED'])
  })

  it.each([[''], ['Không có thông tin'], [null]])('returns no documents for %j', (raw) => {
    expect(parseDocuments(raw)).toEqual({ value: [], warnings: [] })
  })
})
