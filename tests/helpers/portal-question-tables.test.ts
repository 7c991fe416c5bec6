import { describe, expect } from 'vitest'
import type { Answer } from '../../knowledge/answer/answer.types.ts'
import type { PortalKnowledgeBase } from './portal-knowledge-base.ts'
import {
  eachAnswer,
  itDeclines,
  itGivesFeedbackChannel,
  itKeepsQuestions,
  itRanksFirst,
} from './portal-question-tables.ts'

/**
 * A stand-in for the national export: it declines what starts with "ngoài", asks back about what
 * starts with "hỏi", gives the feedback channel for what starts with "phản ánh", answers the rest
 * with 1.000001, and ranks 1.000002 first for every search.
 */
const portal = {
  kb: {
    answer: async (question: string): Promise<Answer> =>
      question.startsWith('ngoài')
        ? { kind: 'not_found', text: question }
        : question.startsWith('phản ánh')
          ? { kind: 'contact', text: `${question}: Phản ánh, kiến nghị … 1800 1096` }
          : question.startsWith('hỏi')
            ? { kind: 'clarify', text: question, candidates: [{ code: '1.000001', name: 'Một' }] }
            : { kind: 'answer', text: question, procedure: { code: '1.000001', name: 'Một', url: null } },
    search: (_question: string, { limit = 10 }: { limit?: number } = {}) =>
      [{ code: '1.000002' }, { code: '1.000001' }].slice(0, limit),
  },
} as unknown as PortalKnowledgeBase

describe('tables of questions asked of the portal', () => {
  eachAnswer(portal, ['làm căn cước', 'hỏi khai sinh'])(
    'hands the answer to "%s" to the check',
    (answer, question) => {
      expect(answer.text).toBe(question)
    },
  )

  itDeclines(portal, 'declines "%s"', ['ngoài phạm vi', 'ngoài lề'])

  itKeepsQuestions(portal, 'keeps "%s" a question', ['làm căn cước', 'hỏi khai sinh'])

  itGivesFeedbackChannel(portal, 'gives "%s" the feedback channel', ['phản ánh cán bộ xã'])

  itRanksFirst(portal, '"%s" finds %s first', [
    ['làm căn cước', '1.000002'],
    ['làm khai sinh', ['1.000003', '1.000002']],
  ])

  itRanksFirst(portal, '"%s" finds %s first of one result', [['làm căn cước', '1.000002']], { limit: 1 })
})
