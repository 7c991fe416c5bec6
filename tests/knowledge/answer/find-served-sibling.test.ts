import { describe, expect, it } from 'vitest'
import { findServedSibling } from '../../../knowledge/answer/find-served-sibling.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { rankByFit } from '../../../knowledge/answer/rank-by-fit.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { exportResult } from '../../helpers/export-names.ts'

// 1.013314 "Xác nhận về điều kiện diện tích bình quân nhà ở để đăng ký thường trú vào chỗ ở do thuê, …"
// 1.004222 "Đăng ký thường trú"
// 1.010040 "Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú"
// 1.013223 "Công nhận tổ chức xã hội nghề nghiệp đủ điều kiện cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, …"
// 1.013237 "Cấp mới chứng chỉ hành nghề hoạt động xây dựng"
const residence = exportResult('1.004222', 2.108, { uncovered: ['vao'], idfCoverage: 0.636 })

describe('a procedure done for the sake of another found one', () => {
  it('serves the procedure its purpose names when the question asks nothing of its head', () => {
    const area = exportResult('1.013314', 2.115, { uncovered: [], idfCoverage: 0.878 })
    expect(findServedSibling(area, [area, residence])?.code).toBe('1.004222')
    const guild = exportResult('1.013223', 1.373, { uncovered: ['ki', 'su', 'giam', 'sat'] })
    const licence = exportResult('1.013237', 1.197, { uncovered: ['ki', 'su', 'giam', 'sat', 'hang', 'iii'] })
    expect(findServedSibling(guild, [guild, licence])?.code).toBe('1.013237')
  })

  it('is the step itself when the question names its head ("xác nhận diện tích")', () => {
    const area = exportResult('1.013314', 2.284, { uncovered: [] })
    const plain = exportResult('1.004222', 1.14, { uncovered: ['xac', 'nhan', 'dien', 'tich', 'thue'] })
    expect(findServedSibling(area, [area, plain])).toBeNull()
  })

  it('reads "chưa đủ điều kiện" as for whom the procedure is, not as what it serves', () => {
    const notYet = exportResult('1.010040', 1.753, { uncovered: ['vao'] })
    expect(findServedSibling(notYet, [notYet, residence])).toBeNull()
  })

  it('ranks the procedure served above the step ("nhập hộ khẩu vào nhà chồng")', () => {
    const actions = builtInProcedureActions()
    const ranked = rankByFit({
      results: [exportResult('1.013314', 2.115, { uncovered: [], idfCoverage: 0.878 }), residence],
      question: actions.ofQuestion(analyzeText('nhập hộ khẩu vào nhà chồng cần giấy tờ gì')),
      actions,
    })
    expect(ranked.map((r) => r.code)).toEqual(['1.004222', '1.013314'])
  })
})
