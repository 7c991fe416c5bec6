import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { findTakenBack } from '../../../knowledge/search/find-taken-back.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
/** The words the message takes back, joined; null when it takes nothing back. */
const takenBack = (text: string): string | null => {
  const tokens = analyzeMessage(text)
  const back = findTakenBack(tokens)
  return back
    ? tokens
        .filter((_, k) => back[k])
        .map((t) => t.text)
        .join(' ')
    : null
}

describe('what a message takes back', () => {
  it('reads the clause before a correction, with the correction', () => {
    expect(takenBack('đổi bằng lái, à không, làm lại bằng lái vì bị mất')).toBe('đổi bằng lái à không')
    expect(takenBack('muốn gia hạn hộ chiếu, ý tôi là làm hộ chiếu mới')).toBe(
      'muốn gia hạn hộ chiếu ý tôi là',
    )
    expect(takenBack('xin cấp đổi căn cước à nhầm cấp lại vì bị mất')).toBe('xin cấp đổi căn cước à nhầm')
    expect(takenBack('doi bang lai, a khong, lam lai bang lai')).toBe('doi bang lai a khong')
    expect(takenBack('đăng ký tạm trú, gõ nhầm, tạm vắng cho bố')).toBe('đăng ký tạm trú gõ nhầm')
  })

  it('reads what follows "chứ không phải" up to the clause’s end', () => {
    expect(takenBack('tôi muốn gia hạn tạm trú chứ không phải đăng ký mới')).toBe(
      'chứ không phải đăng ký mới',
    )
    expect(takenBack('đăng ký kết hôn lần đầu chứ không phải đăng ký lại, cần gì')).toBe(
      'chứ không phải đăng ký lại',
    )
    expect(takenBack('chứ không phải')).toBeNull()
  })

  it('reads no correction in a question’s close, a doubt or a correction with nothing after it', () => {
    expect(takenBack('làm căn cước online được à không biết nữa')).toBeNull()
    expect(takenBack('dạ cho em hỏi ạ không biết làm hộ chiếu ở đâu')).toBeNull()
    expect(takenBack('đăng ký tạm trú à nhầm')).toBeNull()
    expect(takenBack('y tế xã có khám bảo hiểm không')).toBeNull()
  })
})

describe('a refusal of a variant', () => {
  it('weighs words said only in a refusal that names the procedure asked as no word of the ask', () => {
    const q = expandQuery(
      'không phải khai sinh có yếu tố nước ngoài, bé sinh ở Việt Nam, bố mẹ đều là người Việt, làm khai sinh ở đâu',
      synonyms,
    )
    expect(q.deniedPairs).toEqual(expect.arrayContaining(['yeu_to', 'nuoc_ngoai']))
    expect(q.terms.find((t) => t.folded === 'ngoai')?.refused).toBe(true)
    // the procedure said again in the request is asked
    expect(q.terms.find((t) => t.folded === 'khai')?.refused).toBeUndefined()
  })

  it('keeps a negation that tells a fact and names nothing of the request', () => {
    const q = expandQuery(
      'tôi tự dịch hợp đồng tiếng Anh, không phải cộng tác viên dịch thuật của xã, chứng thực chữ ký người dịch ở đâu',
      synonyms,
    )
    expect(q.deniedPairs).toBeUndefined()
    expect(q.terms.some((t) => t.refused)).toBe(false)
  })
})

describeOnPortal('a correction or a refusal, on the portal export', (portal) => {
  it('answers what follows the correction', async () => {
    const licence = await portal.kb.answer('đổi bằng lái, à không, làm lại bằng lái vì bị mất', {})
    expect(licence.kind).toBe('answer')
    expect(licence.procedure?.code).toBe('3.000348')
    const card = await portal.kb.answer('xin cấp đổi căn cước à nhầm cấp lại vì bị mất', {})
    expect(card.procedure?.code).toBe('1.014064')
    // another paper altogether: the card taken back is not offered beside the passport
    for (const q of [
      'em muốn làm thẻ căn cước, à không, làm hộ chiếu cho con',
      'em muon lam the can cuoc, a nham, lam ho chieu cho con',
    ]) {
      const passport = await portal.kb.answer(q, {})
      expect(passport, q).toMatchObject({ kind: 'answer', procedure: { code: '1.001456' } })
    }
  })

  it('answers the ask, not what "chứ không phải" sets aside', async () => {
    for (const [q, code] of [
      ['tôi muốn gia hạn tạm trú chứ không phải đăng ký mới', '1.002755'],
      ['đăng ký kết hôn lần đầu chứ không phải đăng ký lại', '1.000894'],
      ['cấp lại giấy chứng nhận hộ kinh doanh chứ không phải thành lập mới', '2.000575'],
    ]) {
      const a = await portal.kb.answer(q as string, {})
      expect(a.kind, q).toBe('answer')
      expect(a.procedure?.code, q).toBe(code)
    }
  })

  it('answers the plain procedure when its variant is refused', async () => {
    const a = await portal.kb.answer(
      'không phải khai sinh có yếu tố nước ngoài, bé sinh ở Việt Nam, bố mẹ đều là người Việt, làm khai sinh ở đâu',
      {},
    )
    expect(a.kind).toBe('answer')
    expect(a.procedure?.code).toBe('1.001193')
  })
})
