import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { setAsidePurpose } from '../../../knowledge/answer/set-aside-purpose.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()

/** The actions asked, once the purpose is set aside against the best match's name. */
const asked = (question: string, name: string) => {
  const query = expandQuery(question, synonyms)
  const traits = setAsidePurpose({
    tokens: query.tokens,
    headPairs: query.headPairs,
    traits: actions.ofQuestion(query.tokens),
    name,
    actions,
  })
  return [...traits.actions].sort()
}

describe('setAsidePurpose', () => {
  it('drops an action said only after "để" when the words before it name the best match', () => {
    expect(
      asked(
        'đề nghị giám định tiền bị cháy để đổi tiền mới',
        'Đề nghị giám định tiền không đủ tiêu chuẩn lưu thông',
      ),
    ).toEqual([])
    expect(
      asked(
        'dang ky kiem tra kien thuc phap luat giao thong de khoi phuc diem bang lai',
        'Đăng ký kiểm tra kiến thức pháp luật về trật tự, an toàn giao thông đường bộ',
      ),
    ).toEqual([])
  })

  it('keeps the actions said before the purpose', () => {
    expect(asked('the tam tru sap het han, len cong an de gia han', 'Gia hạn tạm trú')).toEqual([
      'exchange',
      'extend',
    ])
  })

  it('keeps the purpose’s action when the words before it name nothing the best match holds', () => {
    // the purpose is all the question says of the procedure
    expect(asked('cần chuẩn bị giấy tờ gì để đổi bằng lái', 'Đổi giấy phép lái xe')).toEqual(['exchange'])
    expect(asked('xin xác nhận kết quả thi hành án để xóa án tích', 'Xóa án tích')).toEqual(['cancel'])
  })

  const portal = usePortalKnowledgeBase()

  it('answers the procedure named before the purpose instead of saying the records lack the purpose’s action', async () => {
    const answer = await portal.kb.answer('mình cần giấy xác nhận kết quả thi hành án để xóa án tích')
    expect(answer.kind).toBe('answer')
    expect(answer.procedure?.name).toBe('Xác nhận kết quả thi hành án')
    // with side words the search ranks a neighbour first: it is offered, no longer "not covered"
    const longer = await portal.kb.answer(
      'xin xác nhận kết quả thi hành án dân sự để làm thủ tục xóa án tích',
    )
    expect(longer.kind).toBe('clarify')
    expect(longer.candidates?.some((c) => c.name === 'Xác nhận kết quả thi hành án')).toBe(true)
  })
})
