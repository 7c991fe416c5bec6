import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { renewExpired } from '../../../knowledge/answer/renew-expired.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()

/** The actions asked, once an expired paper's renewal is read against the best matches' names. */
const asked = (question: string, names: string[]) => {
  const query = expandQuery(question, synonyms)
  const traits = renewExpired({
    tokens: query.tokens,
    traits: actions.ofQuestion(query.tokens),
    names,
    actions,
  })
  return [...traits.actions].sort()
}

const PASSPORT = [
  'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)',
  'Trình báo mất hộ chiếu phổ thông',
]
const LICENCE = ['Cấp giấy phép lái xe', 'Đổi giấy phép lái xe', 'Cấp lại giấy phép lái xe']

describe('renewExpired', () => {
  it('asks for a new issue of an expired paper that no best match exchanges or extends', () => {
    expect(asked('hộ chiếu hết hạn rồi', PASSPORT)).toEqual(['new'])
    expect(asked('passport het han lam o dau', PASSPORT)).toEqual(['new'])
  })

  it('keeps the exchange or extension where a best match offers one', () => {
    expect(asked('bằng lái hết hạn', LICENCE)).toEqual(['exchange', 'extend'])
  })

  it('keeps an exchange or extension the question asks in words of its own', () => {
    expect(asked('gia hạn hộ chiếu hết hạn', PASSPORT)).toEqual(['exchange', 'extend'])
  })

  it('asks for a new issue of an expired paper asked for again that no best match issues again', () => {
    const single = ['Thủ tục cấp Giấy xác nhận tình trạng hôn nhân']
    expect(asked('giấy xác nhận tình trạng hôn nhân hết hạn phải xin lại không', single)).toEqual(['new'])
    // a record issuing it again answers the question as asked
    expect(asked('bằng lái hết hạn muốn xin lại', LICENCE)).not.toEqual(['new'])
    // (another paper's re-issue among the best matches does not count)
    const other = [...single, 'Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè']
    expect(asked('giấy xác nhận tình trạng hôn nhân hết hạn phải xin lại không', other)).toEqual(['new'])
    // an exchange asked in words of its own stays asked
    expect(asked('đổi giấy xác nhận tình trạng hôn nhân hết hạn', single)).toEqual(['exchange', 'extend'])
  })

  it('asks an expired paper wanted again of its exchange where the records exchange it, and never of a loss', () => {
    const card = ['Cấp lại thẻ căn cước', 'Cấp đổi thẻ căn cước']
    expect(asked('cccd hết hạn làm lại ở đâu', card)).toEqual(['exchange', 'extend'])
    // "cấp lại" names the re-issue itself
    expect(asked('căn cước hết hạn cấp lại ở đâu', card)).toContain('reissue')
    // the report of a lost passport issues nothing again
    expect(
      asked('hộ chiếu hết hạn rồi làm lại sao', ['Trình báo mất hộ chiếu phổ thông', ...PASSPORT]),
    ).toEqual(['new'])
  })

  const portal = usePortalKnowledgeBase()

  it('answers an expired passport with the passport issue, and an expired licence with its exchange', async () => {
    for (const q of ['làm hộ chiếu mới vì cái cũ hết hạn', 'passport het han roi']) {
      const answer = await portal.kb.answer(q)
      expect(answer.kind, q).toBe('answer')
      expect(answer.procedure?.name, q).toMatch(/^Cấp hộ chiếu phổ thông ở trong nước/)
    }
    const single = await portal.kb.answer(
      'giay xac nhan tinh trang hon nhan het han 6 thang phai xin lai khong',
    )
    expect(single.kind).toBe('answer')
    expect(single.procedure?.name).toBe('Thủ tục cấp Giấy xác nhận tình trạng hôn nhân')
    expect(await portal.kb.answer('hộ chiếu hết hạn rồi làm lại sao')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.001456' },
    })
    // the card's exchange is offered first, never its re-issue given as if sure
    const card = await portal.kb.answer('cccd hết hạn làm lại ở đâu')
    expect(offeredCodes(card)[0]).toBe('1.014063')
    const licence = await portal.kb.answer('bằng lái hết hạn')
    expect(licence.procedure?.name).toBe('Đổi giấy phép lái xe')
    // passports are not extended: asked so, the records do not cover it
    expect((await portal.kb.answer('gia hạn hộ chiếu hết hạn')).kind).toBe('not_found')
  })

  it('is asked of the passport after its loss was reported ("Trình báo mất" is the action, not the object)', async () => {
    // it was a question about land found by "hết hạn" alone
    expect(await portal.kb.answer('hết hạn thì sao', { procedureCode: '1.010386' })).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.001456' },
    })
  })
})
