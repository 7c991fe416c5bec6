import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { namesHarmedPaper } from '../../../knowledge/search/names-harmed-paper.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const harmIn = (question: string): boolean => {
  const tokens = analyzeText(question)
  return tokens.some((_, k) => namesHarmedPaper(tokens, k))
}

describe('namesHarmedPaper', () => {
  it('reads a paper told harmed, with or without marks', () => {
    expect(harmIn('bằng lái ô tô bị gãy đôi')).toBe(true)
    expect(harmIn('the bhyt bi uot het')).toBe(true)
    expect(harmIn('căn cước bị hư rồi')).toBe(true)
    expect(harmIn('sổ hồng bị mối ăn một góc')).toBe(true)
    expect(harmIn('thẻ căn cước bị bong lớp phủ')).toBe(true)
  })

  it('reads no harm of a person, a thing that is no paper, or a word that is another unmarked', () => {
    expect(harmIn('con em bị ốm chưa làm khai sinh')).toBe(false)
    expect(harmIn('xe máy bị gãy càng')).toBe(false)
    expect(harmIn('tiền bị cháy một góc')).toBe(false)
    expect(harmIn('làm căn cước cho con bị bỏng')).toBe(false)
    // unmarked "bong" is also "bỏng"; "thiết bị" is no "bị"
    expect(harmIn('lam the cho be bi bong')).toBe(false)
    expect(harmIn('giấy phép nhập thiết bị y tế')).toBe(false)
    // unmarked "bi mo" is also "bị mổ", an operation
    expect(harmIn('vo em bi mo de, giay ra vien o dau')).toBe(false)
    expect(harmIn('giấy khai sinh bị mờ')).toBe(true)
  })
})

describe('a paper told harmed', () => {
  const actions = createProcedureActions()
  const asked = (text: string) => [...actions.ofQuestion(analyzeText(text)).actions].sort()

  it('asks a re-issue or an exchange when no action is named', () => {
    expect(asked('bằng lái ô tô bị gãy đôi')).toEqual(['exchange', 'reissue'])
    // an action named decides
    expect(asked('bằng lái bị gãy, muốn đổi')).toEqual(['exchange'])
  })

  const portal = usePortalKnowledgeBase()

  it('is never answered with the first issue', async () => {
    // it was answered with "Cấp giấy phép lái xe"
    const licence = await portal.kb.answer('bằng lái ô tô bị gãy đôi')
    expect(licence.kind).toBe('clarify')
    expect(licence.candidates?.map((c) => c.code)).toEqual(['3.000348', '3.000347'])
    expect(await portal.kb.answer('giấy khai sinh gốc bị cháy, ở xã cũng không còn sổ lưu')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.004884' },
    })
  })
})
