import { expect, it } from 'vitest'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const GREETING = 'Chào bạn, tôi là Trợ lý số.'

describeOnPortal('small-talk replies (the shipped export)', (portal) => {
  const reply = async (text: string, procedureCode?: string) => {
    const answer = await portal.kb.answer(text, procedureCode ? { procedureCode } : {})
    expect(answer.kind, text).toBe('smalltalk')
    return answer.text
  }

  it('answers a greeting with what the assistant does, and thanks with "you are welcome"', async () => {
    expect(await reply('xin chào')).toMatch(new RegExp(`^${GREETING}`))
    expect(await reply('cảm ơn, bạn giỏi quá')).toMatch(/^Không có gì ạ\./)
    // ("hay" there is "or": a question about what the assistant is, not praise)
    expect(await reply('bạn là người thật hay máy')).not.toMatch(/^Cảm ơn bạn/)
  })

  it('thanks for praise, says goodbye to a goodbye and invites the question to a request to ask', async () => {
    for (const text of ['trả lời hay đấy', 'bot giỏi quá'])
      expect(await reply(text), text).toMatch(/^Cảm ơn bạn\./)
    for (const text of ['tạm biệt nhé', 'bye bye', 'chúc ad ngủ ngon'])
      expect(await reply(text), text).toMatch(/^Tạm biệt bạn\./)
    for (const text of ['mình hỏi chút được không', 'cho em hỏi xíu ạ'])
      expect(await reply(text), text).toMatch(/^Vâng, bạn cứ hỏi\./)
  })

  it('apologises for displeasure, also when it is praise denied', async () => {
    for (const text of ['trả lời không hay', 'trả lời sai rồi'])
      expect(await reply(text), text).toMatch(/^Xin lỗi vì câu trả lời chưa giúp được bạn\..*1800 1096/)
  })

  it('never minds a slip of typing, says goodbye to no more questions and apologises when nothing is understood', async () => {
    for (const text of ['xin lỗi nhé, mình gõ nhầm', 'mình nhắn lộn, bỏ qua nhé'])
      expect(await reply(text), text).toMatch(/^Không sao ạ\. Bạn cứ gửi lại câu hỏi/)
    for (const text of ['em không hỏi nữa đâu', 'thôi mình hỏi xong rồi'])
      expect(await reply(text), text).toMatch(/^Tạm biệt bạn\./)
    for (const text of [
      'bạn chẳng hiểu gì cả',
      'hỏi mãi không ra câu trả lời, bực ghê',
      'bạn trả lời như cái máy',
    ])
      expect(await reply(text), text).toMatch(/^Xin lỗi vì câu trả lời chưa giúp được bạn\./)
    expect(await reply('hay quá, nhờ bạn mà mình biết')).toMatch(/^Cảm ơn bạn\./)
  })

  it("still reads a question after an apology for asking, and the bot's own life as outside the records", async () => {
    expect((await portal.kb.answer('xin lỗi làm phiền, giá vàng hôm nay bao nhiêu')).kind).toBe('not_found')
    expect((await portal.kb.answer('bạn có người yêu chưa')).kind).toBe('not_found')
    expect((await portal.kb.answer('xin lỗi làm phiền, làm hộ chiếu ở đâu')).procedure?.code).toBe('1.001456')
  })

  it('thanks for praise within a conversation too, without the greeting', async () => {
    const text = await reply('trả lời hay đấy', '1.001193')
    expect(text).toMatch(/^Cảm ơn bạn\./)
    expect(text).not.toContain(GREETING)
  })
})
