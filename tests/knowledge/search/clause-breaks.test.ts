import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { findCueSpans } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeMessage, analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('clause breaks in a message', () => {
  it('marks the word after a comma, full stop or new line, not after a dot inside a word', () => {
    const tokens = analyzeMessage('xin giay phep xay dung, ho so gom. TP.HCM\nnop o dau')
    expect(tokens.filter((t) => t.clause).map((t) => t.folded)).toEqual(['ho', 'tp', 'nop'])
    expect(analyzeMessage('đăng ký tạm trú').some((t) => t.clause)).toBe(false)
    // a name's commas join its phrases: names are read without marks
    expect(analyzeText('Cấp, cấp lại thẻ').some((t) => t.clause)).toBe(false)
  })

  it('reads no action or cue across a break', () => {
    const actions = createProcedureActions()
    // "dựng, hồ sơ" typed without marks folds to "dung ho so", as "dừng hồ sơ" (stop a filing) does
    expect(actions.ofQuestion(analyzeMessage('xay dung, ho so gom nhung gi')).actions.has('halt')).toBe(false)
    expect(actions.ofQuestion(analyzeMessage('dung ho so dang lam')).actions.has('halt')).toBe(true)
    const synonyms = loadSynonyms()
    expect(findCueSpans(analyzeMessage('thủ tục ở, đâu'), synonyms).map((c) => c.facet)).not.toContain(
      'where',
    )
    expect(findCueSpans(analyzeText('thủ tục ở đâu'), synonyms).map((c) => c.facet)).toContain('where')
  })

  const portal = usePortalKnowledgeBase()

  it('offers the building permit for a house, not "no such procedure" for stopping a filing', async () => {
    const answer = await portal.kb.answer(
      'xay nha 3 tang o thi tran can xin giay phep xay dung, ho so gom nhung gi',
      {},
    )
    const offered = offeredCodes(answer)
    expect(answer.kind).not.toBe('not_found')
    expect(offered).toContain('1.013225')
  })
})
