import { describe, expect, it } from 'vitest'
import { findFittingSibling } from '../../../knowledge/answer/find-fitting-sibling.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { rankByFit } from '../../../knowledge/answer/rank-by-fit.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { exportResult } from '../../helpers/export-names.ts'

// 1.004194 "Đăng ký tạm trú"
// 1.002755 "Gia hạn tạm trú"
// 1.010028 "Xóa đăng ký tạm trú"
// 1.010041 "Xác nhận thông tin về cư trú"
// 1.010039 "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú"
// 1.013065 "Thu hồi chứng nhận đăng ký xe, biển số xe thực hiện bằng dịch vụ công toàn trình"
// 1.013080 "Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịch vụ công trực tuyến toàn trình"
// 1.013123 "Thu hồi giấy chứng nhận đăng ký, biển số xe thực hiện bằng dịch vụ công trực tuyến một phần …"
const actions = builtInProcedureActions()
const rank = (question: string, results: ReturnType<typeof exportResult>[]) =>
  rankByFit({ results, question: actions.ofQuestion(analyzeText(question)), actions }).map((r) => r.code)

describe('a name the question rules out, next to a fitting sibling of its object', () => {
  it('ranks below the sibling doing the asked action ("gia hạn tạm trú")', () => {
    const results = [
      exportResult('1.004194', 1.45, { uncovered: ['sap', 'het', 'han', 'gia'], idfCoverage: 0.369 }),
      exportResult('1.002755', 1.179, { uncovered: ['dang', 'ki', 'sap', 'het'], idfCoverage: 0.421 }),
      exportResult('1.010028', 1.28, { uncovered: ['sap', 'het', 'han', 'gia'], idfCoverage: 0.369 }),
    ]
    expect(rank('tạm trú sắp hết hạn thì gia hạn sao', results)[0]).toBe('1.002755')
    expect(rank('tam tru sap het han thi gia han the nao', results)[0]).toBe('1.002755')
  })

  it('ranks below the correction of the same record ("ghi sai quê quán, sửa ở đâu")', () => {
    const results = [
      exportResult('1.010041', 1.032, {
        uncovered: ['ghi', 'sai', 'que', 'quan', 'sua'],
        idfCoverage: 0.316,
      }),
      exportResult('1.010039', 0.808, {
        uncovered: ['ghi', 'sai', 'que', 'quan', 'sua'],
        idfCoverage: 0.316,
      }),
    ]
    expect(rank('thong tin cu tru tren vneid ghi sai que quan, sua o dau', results)).toEqual([
      '1.010039',
      '1.010041',
    ])
  })

  it('stays where it is when a fitting sibling already ranks above it', () => {
    const first = exportResult('1.013065', 1.051, { fit: 0, idfCoverage: 0.396 })
    const ruledOut = exportResult('1.013080', 1.05, { fit: -0.2, idfCoverage: 0.465 })
    const later = exportResult('1.013123', 0.849, { fit: 0, idfCoverage: 0.396 })
    expect(findFittingSibling(ruledOut, [first, ruledOut, later], actions)).toBeNull()
    expect(findFittingSibling(ruledOut, [ruledOut, later], actions)?.code).toBe('1.013123')
  })

  it('is not moved below a sibling of another object or one covering far less of the question', () => {
    const ruledOut = exportResult('1.004194', 1.25, { fit: -0.2, idfCoverage: 0.6 })
    const other = exportResult('1.013065', 1.1, { fit: 0, idfCoverage: 0.6 })
    const weak = exportResult('1.002755', 1.1, { fit: 0, idfCoverage: 0.3 })
    expect(findFittingSibling(ruledOut, [ruledOut, other, weak], actions)).toBeNull()
  })
})

describe('a long sibling holding the question words among many others', () => {
  it('is not lifted above the ruled-out name ("hủy đăng ký kết hôn")', () => {
    // 1.000894 "Thủ tục đăng ký kết hôn"; 2.000554 "Thủ tục ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn …"
    const marriage = exportResult('1.000894', 1.778, { fit: -0.2, idfCoverage: 0.744, precision: 0.667 })
    const recorded = exportResult('2.000554', 1.295, { fit: 0, idfCoverage: 0.785, precision: 0.094 })
    expect(findFittingSibling(marriage, [marriage, recorded], actions)).toBeNull()
  })
})
