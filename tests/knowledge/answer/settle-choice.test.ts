import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { findOpenChoice, otherSideOfChoice, settleChoice } from '../../../knowledge/answer/settle-choice.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const tokensOf = (question: string) => expandQuery(question, synonyms).tokens

describe('settleChoice', () => {
  it('keeps the side of a choice the situation names and drops the other with "hay"', () => {
    expect(settleChoice({ tokens: tokensOf('căn cước bị mất thì cấp lại hay cấp đổi'), actions })).toBe(
      'căn cước bị mất thì cấp lại',
    )
    expect(settleChoice({ tokens: tokensOf('can cuoc bi mat thi cap lai hay cap doi'), actions })).toBe(
      'can cuoc bi mat thi cap lai',
    )
    // the named side second: the first side and "hay" go
    expect(settleChoice({ tokens: tokensOf('sổ đỏ bị sai tên thì cấp đổi hay đính chính'), actions })).toBe(
      'sổ đỏ bị sai tên thì đính chính',
    )
  })

  it('reads the other side too, for when the records hold nothing for the named one', () => {
    expect(otherSideOfChoice({ tokens: tokensOf('căn cước bị mất thì cấp lại hay cấp đổi'), actions })).toBe(
      'căn cước bị mất thì cấp đổi',
    )
    expect(otherSideOfChoice({ tokens: tokensOf('cấp lại hay cấp đổi căn cước'), actions })).toBeNull()
  })

  it('settles nothing when the situation names neither side or both', () => {
    expect(settleChoice({ tokens: tokensOf('cấp lại hay cấp đổi căn cước'), actions })).toBeNull()
    // "bị rách" is a case of both re-issue and exchange
    expect(settleChoice({ tokens: tokensOf('bằng lái bị rách thì đổi hay cấp lại'), actions })).toBeNull()
    // no choice between actions at all
    expect(settleChoice({ tokens: tokensOf('hay bị mất giấy tờ thì làm sao'), actions })).toBeNull()
    expect(settleChoice({ tokens: tokensOf('đăng ký kết hôn ở xã hay ở tỉnh'), actions })).toBeNull()
  })

  it('finds the open choice the reply must ask about', () => {
    expect(findOpenChoice({ tokens: tokensOf('cấp lại hay cấp đổi căn cước'), actions })).toEqual([
      ['reissue'],
      ['exchange'],
    ])
    expect(
      findOpenChoice({ tokens: tokensOf('căn cước bị mất thì cấp lại hay cấp đổi'), actions }),
    ).toBeNull()
  })
})

describe('a question choosing between two actions, over the real records', () => {
  const portal = usePortalKnowledgeBase()

  it('answers the side the situation names', async () => {
    const lost = await portal.kb.answer('căn cước bị mất thì cấp lại hay cấp đổi')
    expect(lost.kind).toBe('answer')
    expect(lost.procedure?.name).toBe('Cấp lại thẻ căn cước')
    const fees = await portal.kb.answer('can cuoc bi mat, cap lai hay cap doi, mat bao nhieu tien')
    expect(fees.procedure?.name).toBe('Cấp lại thẻ căn cước')
    expect(fees.facet).toBe('fees')
  })

  it('answers the other side when the records hold nothing for the one the situation names', async () => {
    // no passport is extended: an expired one is issued anew
    for (const question of [
      'hộ chiếu hết hạn rồi thì làm lại hay gia hạn',
      'hộ chiếu hết hạn thì gia hạn hay làm mới',
    ])
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.001456' },
      })
  })

  it('reads each side against the conversation too', async () => {
    // after the passport's answer: no passport is extended, an expired one is issued anew
    const answer = await portal.kb.answer('hết hạn rồi thì làm lại hay gia hạn', {
      procedureCode: '1.001456',
    })
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.001456' } })
  })

  it('asks which is meant when nothing in the question decides', async () => {
    for (const question of ['cấp lại hay cấp đổi căn cước', 'lam lai hay doi bang lai xe']) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).toBe('clarify')
      expect(answer.candidates?.length, question).toBe(2)
    }
    const card = await portal.kb.answer('cấp lại hay cấp đổi căn cước')
    expect(card.candidates?.map((c) => c.name).sort()).toEqual([
      'Cấp lại thẻ căn cước',
      'Cấp đổi thẻ căn cước',
    ])
  })

  it('reads the whole question when the records hold nothing for the side the situation names', async () => {
    // no passport is extended: the new passport still answers
    const answer = await portal.kb.answer('hộ chiếu hết hạn thì gia hạn hay làm mới')
    expect(answer.kind).toBe('answer')
    expect(answer.procedure?.name).toMatch(/^Cấp hộ chiếu phổ thông/)
  })
})
