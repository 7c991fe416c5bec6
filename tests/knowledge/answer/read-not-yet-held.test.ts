import { describe, expect, it } from 'vitest'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { readNotYetHeld } from '../../../knowledge/answer/read-not-yet-held.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const actions = builtInProcedureActions()
const read = (text: string) => {
  const tokens = analyzeMessage(text)
  return [...readNotYetHeld({ tokens, traits: actions.ofQuestion(tokens), actions }).actions]
}

describe('a paper asked to be "bổ sung" by someone who does not hold it yet', () => {
  it('is asked for the first time', () => {
    expect(read('lỡ xây nhà rồi mà chưa có giấy phép, giờ xin bổ sung được không')).toEqual(['new'])
    expect(read('chua co giay phep xay dung, xin bo sung the nao')).toEqual(['new'])
  })

  it('is a change when the paper is held, or when the change is said otherwise too', () => {
    expect(read('giấy phép xây dựng ghi sai diện tích, xin bổ sung')).toEqual(['change'])
    expect(read('chưa có giấy phép, nhưng muốn sửa đổi bổ sung hồ sơ')).toEqual(['change'])
    // no "bổ sung": the action read stays
    expect(read('chưa có sổ đỏ, muốn điều chỉnh diện tích')).toEqual(['change'])
  })

  const portal = usePortalKnowledgeBase()

  it('is never answered as the change of a permit already issued', async () => {
    const answer = await portal.kb.answer(
      'Lỡ xây nhà 3 tầng rồi mà chưa có giấy phép, giờ xin bổ sung được không hay bị phạt, nhà tôi ở phường Cam Đường, Lào Cai.',
    )
    // "Cấp điều chỉnh giấy phép xây dựng …" given as if sure before
    expect(answer.kind).not.toBe('answer')
  })
})
