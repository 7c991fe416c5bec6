import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { exportNames } from '../../helpers/export-names.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'
import { readQuestions } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const asked = (question: string) => [...actions.ofQuestion(expandQuery(question, synonyms).tokens).variants]
const carried = (code: string) => [...actions.ofName(exportNames.get(code) ?? '').variants]

describe('special cases the question does not name', () => {
  it('reads the real-estate project case from the buyer certificate name, and from questions that name it', () => {
    expect(carried('1.012787')).toEqual(['real-estate-project'])
    expect(asked('mua căn hộ chung cư của chủ đầu tư, làm sổ hồng')).toContain('real-estate-project')
    expect(asked('sang tên sổ đỏ khi mua đất')).not.toContain('real-estate-project')
  })

  it('takes marrying someone from a country as the foreign case, and joining the police as the forces case', () => {
    expect(asked('lấy chồng Hàn Quốc thì đăng ký kết hôn ở đâu')).toContain('foreign')
    expect(asked('muốn xin vào làm lao động hợp đồng trong công an')).toContain('forces')
  })

  const portal = usePortalKnowledgeBase()

  eachAnswer(portal, readQuestions('unnamed-special-case'))(
    'offers, never answers as if sure, a special case "%s" does not name',
    (answer) => {
      expect(answer.kind).toBe('clarify')
      expect(answer.candidates?.length).toBeLessThanOrEqual(4)
      for (const c of answer.candidates ?? []) expect(c.label?.length).toBeLessThanOrEqual(80)
      expect(answer.text).toContain('1800 1096')
    },
  )

  eachAnswer(portal, [
    'sang tên sổ đỏ khi mua đất cần giấy tờ gì',
    'mua dat roi, sang ten so do can nhung gi',
  ])(
    'answers a plain transfer "%s" with the transfer registration, not the project buyer\'s certificate',
    (answer) => {
      expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.013831' } })
      expect(answer.candidates?.map((c) => c.code) ?? []).not.toContain('1.012787')
    },
  )

  it('still answers the special case the question names', async () => {
    const answer = await portal.kb.answer('lấy chồng Hàn Quốc thì đăng ký kết hôn ở đâu')
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '2.000806' } })
  })
})
