import { describe, expect, it } from 'vitest'
import { describeDocuments } from '../../../knowledge/answer/describe-documents.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'

const paper = (name: string, copies = '1 bản chính') => ({ name, template: null, copies, group: null })

/** Document entries as records of the export word them (1.009548, 1.008567), and a plain one. */
describe('describeDocuments lines', () => {
  it('drops the record’s own numbering and a count the name already says', () => {
    const { groups } = describeDocuments({
      documents: [
        paper(
          '2) Điều lệ mẫu đầu tư chứng khoán Mẫu Phụ lục I ban hành kèm theo Thông tư 98/2020/TT-BTC ngày 16/11/2020 của Bộ Tài chính;',
        ),
        paper(
          'Văn bản xin/yêu cầu chấm dứt vai trò doanh nghiệp bán hàng hoàn thuế giá trị gia tăng (bản chính)',
        ),
        paper('Bản sao giấy chứng nhận đăng ký doanh nghiệp', '2 bản sao'),
      ],
    } as Procedure)
    expect(groups.flatMap((g) => g.items)).toEqual([
      'Điều lệ mẫu đầu tư chứng khoán Mẫu Phụ lục I ban hành kèm theo Thông tư 98/2020/TT-BTC ngày 16/11/2020 của Bộ Tài chính; (1 bản chính)',
      'Văn bản xin/yêu cầu chấm dứt vai trò doanh nghiệp bán hàng hoàn thuế giá trị gia tăng (bản chính)',
      'Bản sao giấy chứng nhận đăng ký doanh nghiệp (2 bản sao)',
    ])
  })
})
