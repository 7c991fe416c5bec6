import { describe, expect, it } from 'vitest'
import { rankSpecialSiblings } from '../../../knowledge/answer/find-special-sibling.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { exportResult } from '../../helpers/export-names.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

// 1.004194 "Đăng ký tạm trú"
// 1.000253 "Khai báo tạm trú cho người nước ngoài tại Việt Nam bằng Phiếu khai báo tạm trú"
// 1.001437 "Khai báo tạm trú cho người nước ngoài tại Việt Nam qua Trang thông tin điện tử"
// 1.001766 "Thủ tục đăng ký khai tử có yếu tố nước ngoài"
// 1.000893 "Thủ tục đăng ký khai sinh có yếu tố nước ngoài cho người đã có hồ sơ, giấy tờ cá nhân"
const actions = builtInProcedureActions()
const rank = (question: string, results: ReturnType<typeof exportResult>[]) =>
  rankSpecialSiblings({ results, question: actions.ofQuestion(analyzeText(question)), actions }).map(
    (r) => r.code,
  )

describe('a general name next to its sibling for the one the question names', () => {
  const general = () => exportResult('1.004194', 1.522, { fit: 0, idfCoverage: 0.6 })
  const foreigners = () => exportResult('1.000253', 1.371, { fit: 0, idfCoverage: 0.5 })
  const civilStatus = () => exportResult('1.000893', 1.501, { fit: 0.1, idfCoverage: 0.45 })

  it('ranks below the procedure for foreigners of the same object ("tạm trú cho người nước ngoài")', () => {
    expect(rank('đăng ký tạm trú cho người nước ngoài', [general(), civilStatus(), foreigners()])).toEqual([
      '1.000253',
      '1.004194',
      '1.000893',
    ])
    expect(rank('dang ky tam tru cho khach tay thue nha', [general(), civilStatus(), foreigners()])[0]).toBe(
      '1.000253',
    )
  })

  it('stays first when the question names no foreigner', () => {
    expect(rank('đăng ký tạm trú cho sinh viên thuê trọ', [general(), foreigners()])).toEqual([
      '1.004194',
      '1.000253',
    ])
  })

  it('stays first when the sibling covers far less of the question, or only scattered words of its object', () => {
    const weak = exportResult('1.000253', 1.371, { fit: 0, idfCoverage: 0.3 })
    expect(rank('đăng ký tạm trú cho người nước ngoài', [general(), weak])[0]).toBe('1.004194')
    // "khai tử" is not the object of "khai báo tạm trú … trang thông tin điện tử"; the death's
    // variant for foreigners already says whom it is for.
    const death = exportResult('1.001766', 1.917, { fit: 0, idfCoverage: 0.6 })
    const web = exportResult('1.001437', 1.918, { fit: 0, idfCoverage: 0.6 })
    expect(rank('người nước ngoài mất ở việt nam thì đăng ký khai tử thế nào', [death, web])[0]).toBe(
      '1.001766',
    )
  })
})

describeOnPortal('a foreigner’s temporary residence', (portal) => {
  it('offers the foreigner’s declaration first, not the citizen’s registration', async () => {
    for (const question of [
      'đăng ký tạm trú cho người nước ngoài',
      'dang ky tam tru cho nguoi nuoc ngoai thue nha minh',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).not.toBe('not_found')
      expect(['1.000253', '1.001437'], question).toContain(offeredCodes(answer)[0])
    }
    // a citizen renting a room still gets the citizen's registration
    const citizen = await portal.kb.answer('tôi thuê trọ ở thành phố muốn đăng ký tạm trú')
    expect(citizen.procedure?.code).toBe('1.004194')
  })
})
