import { describe, expect, it } from 'vitest'
import { describeDocuments, readCopies } from '../../../knowledge/answer/describe-documents.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'

const paper = (name: string, copies = '1 bản chính') => ({ name, template: null, copies, group: null })
/** The groups of papers an answer lists for a record holding these document entries. */
const groupsOf = (...documents: Procedure['documents']) =>
  describeDocuments({ documents } as Procedure).groups

describe('describeDocuments', () => {
  // document entries as records of the export word them (1.009548, 1.008567), and a plain one
  it('drops the record’s own numbering, its list punctuation and a count the name already says', () => {
    expect(
      groupsOf(
        paper(
          '2) Điều lệ mẫu đầu tư chứng khoán Mẫu Phụ lục I ban hành kèm theo Thông tư 98/2020/TT-BTC ngày 16/11/2020 của Bộ Tài chính;',
        ),
        paper(
          'Văn bản xin/yêu cầu chấm dứt vai trò doanh nghiệp bán hàng hoàn thuế giá trị gia tăng (bản chính)',
        ),
        paper('Bản sao giấy chứng nhận đăng ký doanh nghiệp', '2 bản sao'),
      ).flatMap((g) => g.items),
    ).toEqual([
      'Điều lệ mẫu đầu tư chứng khoán Mẫu Phụ lục I ban hành kèm theo Thông tư 98/2020/TT-BTC ngày 16/11/2020 của Bộ Tài chính (1 bản chính)',
      'Văn bản xin/yêu cầu chấm dứt vai trò doanh nghiệp bán hàng hoàn thuế giá trị gia tăng (bản chính)',
      'Bản sao giấy chứng nhận đăng ký doanh nghiệp (2 bản sao)',
    ])
  })

  // the portal's table has a column for originals and one for copies (1.009642, 1.000236)
  it('lists a paper asked for as a copy only ("0 bản chính,1 bản sao") with the documents, saying one copy', () => {
    expect(
      groupsOf(
        paper('Văn bản đề nghị chấp thuận nhà đầu tư'),
        paper('- Tài liệu về tư cách pháp lý của nhà đầu tư;', '0 bản chính,1 bản sao'),
        paper('Hợp đồng BCC đối với dự án đầu tư theo hình thức hợp đồng BCC', '0 bản chính,1 bản sao'),
        paper('Giấy chứng nhận đăng ký doanh nghiệp', '1 bản chụp;0 bản chính,2 bản sao'),
        paper(
          'Trường hợp nộp hồ sơ trực tuyến thì thành phần hồ sơ phải được chứng thực điện tử.',
          '0 bản chính',
        ),
      ),
    ).toEqual([
      {
        title: 'Thành phần hồ sơ',
        items: [
          'Văn bản đề nghị chấp thuận nhà đầu tư (1 bản chính)',
          'Tài liệu về tư cách pháp lý của nhà đầu tư (1 bản sao)',
          'Hợp đồng BCC đối với dự án đầu tư theo hình thức hợp đồng BCC (1 bản sao)',
          'Giấy chứng nhận đăng ký doanh nghiệp (1 bản chụp, 2 bản sao)',
        ],
      },
      {
        title: 'Lưu ý',
        items: ['Trường hợp nộp hồ sơ trực tuyến thì thành phần hồ sơ phải được chứng thực điện tử.'],
      },
    ])
  })

  it('reads the counts to say, leaving out the counts of none', () => {
    expect(readCopies('0 bản chính,1 bản sao')).toBe('1 bản sao')
    expect(readCopies('1 bản chính,1 bản sao')).toBe('1 bản chính, 1 bản sao')
    expect(readCopies('01 bản chính hoặc 01 bản sao')).toBe('01 bản chính hoặc 01 bản sao')
    expect(readCopies('2 bản chính;0 bản chính')).toBe('2 bản chính')
    expect(readCopies('0 bản chính')).toBe('')
    expect(readCopies('0 bản chính,0 bản sao')).toBe('')
    expect(readCopies('')).toBeNull()
    expect(readCopies(null)).toBeNull()
  })

  it('lists a case’s papers in the record’s own numbering, without it (1.001612 lists (iv), (v), (ii), (iii), (i))', () => {
    const group = 'Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy tờ sau:'
    const copy = (name: string) => ({ name, template: null, copies: '0 bản chính,1 bản sao', group })
    expect(
      groupsOf(
        copy('(iv) Ủy quyền cho bưu chính không công ích'),
        copy('(ii) Ủy quyền cho tổ chức'),
        copy('(iii) Ủy quyền cho bưu chính công ích'),
        copy('(i) Ủy quyền cho cá nhân'),
        paper('Giấy đề nghị đăng ký hộ kinh doanh;'),
      ),
    ).toEqual([
      { title: 'Mọi trường hợp', items: ['Giấy đề nghị đăng ký hộ kinh doanh (1 bản chính)'] },
      {
        title: 'Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy tờ sau',
        items: [
          'Ủy quyền cho cá nhân (1 bản sao)',
          'Ủy quyền cho tổ chức (1 bản sao)',
          'Ủy quyền cho bưu chính công ích (1 bản sao)',
          'Ủy quyền cho bưu chính không công ích (1 bản sao)',
        ],
      },
    ])
  })

  it('reads a numbered form as the main form and a numbered case as its case ("1. Đơn đăng ký …", "2. Trường hợp …")', () => {
    expect(
      groupsOf(
        paper('2. Báo cáo khắc phục sai lỗi.'),
        paper('1. Đơn đăng ký theo mẫu tại Phụ lục I'),
        paper('3. Trường hợp ủy quyền thì phải có văn bản ủy quyền'),
        paper('4- Các tài liệu khác có liên quan (nếu có).', '1 bản chính,1 bản sao'),
      ),
    ).toEqual([
      {
        title: 'Mọi trường hợp',
        items: [
          'Đơn đăng ký theo mẫu tại Phụ lục I (1 bản chính)',
          'Báo cáo khắc phục sai lỗi (1 bản chính)',
          'Các tài liệu khác có liên quan (nếu có) (1 bản chính, 1 bản sao)',
        ],
      },
      { title: 'Trường hợp ủy quyền', items: ['Văn bản ủy quyền (1 bản chính)'] },
    ])
  })
})
