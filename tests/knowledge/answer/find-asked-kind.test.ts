import { describe, expect, it } from 'vitest'
import { findAskedKind } from '../../../knowledge/answer/find-asked-kind.ts'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

const actions = createProcedureActions()
const GENERAL = { name: 'Cấp giấy phép lái xe', score: 1.23 }
const FOREIGN = { name: 'Đổi giấy phép lái xe hoặc bằng lái xe của người nước ngoài', score: 1.15 }
const traitsOf = (question: string) => actions.ofQuestion(analyzeText(question))

describe('findAskedKind', () => {
  it('finds a procedure only for the kind of person the question names, close behind a general best match', () => {
    const question = traitsOf('tôi người Hàn, có bằng lái Hàn Quốc, muốn lái xe ở Việt Nam')
    expect(findAskedKind({ top: GENERAL, groups: [GENERAL, FOREIGN], question, actions })).toEqual([FOREIGN])
  })

  it('finds the international licence for a citizen going abroad, close behind the general licence', () => {
    const international = { name: 'Cấp giấy phép lái xe quốc tế', score: 1.73 }
    const general = { ...GENERAL, score: 1.82 }
    const question = traitsOf('đi nước ngoài lái xe cần giấy phép gì')
    expect(findAskedKind({ top: general, groups: [general, international], question, actions })).toEqual([
      international,
    ])
    // a question that names no going abroad is answered with the general licence
    expect(
      findAskedKind({
        top: general,
        groups: [general, international],
        question: traitsOf('xin bằng lái xe'),
        actions,
      }),
    ).toEqual([])
  })

  it('finds nothing when the question names no such kind, the rival is far behind, or the best match names the kind', () => {
    expect(
      findAskedKind({
        top: GENERAL,
        groups: [GENERAL, FOREIGN],
        question: traitsOf('xin bằng lái xe'),
        actions,
      }),
    ).toEqual([])
    const question = traitsOf('tôi người Hàn, muốn lái xe ở Việt Nam')
    const far = { ...FOREIGN, score: 0.9 }
    expect(findAskedKind({ top: GENERAL, groups: [GENERAL, far], question, actions })).toEqual([])
    expect(findAskedKind({ top: FOREIGN, groups: [FOREIGN, GENERAL], question, actions })).toEqual([])
  })
})
