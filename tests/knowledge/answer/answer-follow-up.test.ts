import { expect, it } from 'vitest'
import type { Answer } from '../../../knowledge/answer/answer.types.ts'
import { type AnswerAlone, createFollowUpAnswerer } from '../../../knowledge/answer/answer-follow-up.ts'
import type { AnswerQuestionOptions } from '../../../knowledge/answer/answer-question.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

/**
 * The follow-up reader asks again through the core it is given: what it asks, and what it keeps of the
 * core's replies, are seen here with a core that records its questions and answers as told.
 */
describeOnPortal('the follow-up reader over an injected core (the shipped export)', (portal) => {
  const notFound: Answer = { kind: 'not_found', text: 'Không thấy.' }
  const recording = (reply: (question: string) => Answer) => {
    const asked: string[] = []
    const answerAlone: AnswerAlone = async (options) => {
      asked.push(options.question)
      expect(options.context).toEqual({})
      return reply(options.question)
    }
    return { asked, answerFollowUp: createFollowUpAnswerer(answerAlone) }
  }
  const optionsOf = (question: string, context: AnswerQuestionOptions['context']): AnswerQuestionOptions => ({
    question,
    context,
    search: portal.kb.search,
    getProcedure: portal.kb.getProcedure,
  })

  it('asks a short case again with the conversation’s procedure name, and keeps the core’s answer', async () => {
    const marriage = await portal.kb.getProcedure('1.000894')
    const variant: Answer = {
      kind: 'answer',
      procedure: { code: '2.000806', name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài', url: null },
      text: '…',
    }
    const { asked, answerFollowUp } = recording(() => variant)
    const reply = await answerFollowUp(
      optionsOf('với người nước ngoài', { procedureCode: '1.000894' }),
      notFound,
    )
    expect(asked).toEqual([`${marriage?.name} với người nước ngoài`])
    expect(reply).toBe(variant)
  })

  it('leaves the reply alone when there is no conversation, or the message names a thing of its own', async () => {
    const { asked, answerFollowUp } = recording(() => notFound)
    expect(await answerFollowUp(optionsOf('với người nước ngoài', {}), notFound)).toBe(notFound)
    const own = optionsOf('còn cấp giấy phép xây dựng thì sao', { procedureCode: '1.000894' })
    expect(await answerFollowUp(own, notFound)).toBe(notFound)
    expect(asked).toEqual([])
  })

  it('answers from the record itself when the reply to a clarify question leaves one option', async () => {
    const { asked, answerFollowUp } = recording(() => notFound)
    // the identity card's issue under 14, re-issue and exchange were offered
    const context = { candidateCodes: ['1.014062', '1.014064', '1.014063'] }
    const reply = await answerFollowUp(optionsOf('mất rồi', context), notFound)
    expect(reply.kind).toBe('answer')
    expect(reply.procedure?.code).toBe('1.014064')
    expect(reply.text).toContain('1.014064')
    expect(asked).toEqual([])
  })
})
