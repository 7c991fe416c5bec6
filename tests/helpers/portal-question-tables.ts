/**
 * Tables of questions asked of the national export, each question a named test (through
 * `it.each`, `%s` in the title standing for it), asked with no conversation before it. The
 * common verdicts — declined, kept a procedure question, sent to the feedback channel, ranked
 * first by search — are declared by name; any other check goes through {@link eachAnswer}.
 * @module
 */
import { expect, it } from 'vitest'
import type { Answer } from '../../knowledge/answer/answer.types.ts'
import { offeredCodes } from './offered-codes.ts'
import type { PortalKnowledgeBase } from './portal-knowledge-base.ts'

/**
 * `it.each` over questions: `eachAnswer(portal, questions)(title, check)` declares one test per
 * question, which hands `check` the portal's answer to it.
 */
export const eachAnswer =
  (portal: PortalKnowledgeBase, questions: readonly string[]) =>
  (title: string, check: (answer: Answer, question: string) => void | Promise<void>): void =>
    it.each(questions)(title, async (question) => {
      await check(await portal.kb.answer(question, {}), question)
    })

/** A named verdict: one test per question of a table, each holding the question's answer to `check`. */
const declareVerdict =
  (check: (answer: Answer) => void) =>
  (portal: PortalKnowledgeBase, title: string, questions: readonly string[]): void =>
    eachAnswer(portal, questions)(title, check)

/** One test per message outside the records: answered "not found", with no procedure offered at all. */
export const itDeclines = declareVerdict((answer) => {
  expect(answer.kind).toBe('not_found')
  expect(answer.candidates).toBeUndefined()
})

/** One test per procedure question: answered, or asked back about (never declined or taken for a remark). */
export const itKeepsQuestions = declareVerdict((answer) => {
  expect(['answer', 'clarify']).toContain(answer.kind)
})

/**
 * One test per complaint or feedback no procedure of the records resolves: the portal's feedback
 * channel ("Phản ánh, kiến nghị") and the hotline, with no procedure answered or offered.
 */
export const itGivesFeedbackChannel = declareVerdict((answer) => {
  expect(answer.kind).toBe('contact')
  expect(offeredCodes(answer)).toEqual([])
  expect(answer.text).toContain('Phản ánh, kiến nghị')
  expect(answer.text).toContain('1800 1096')
})

/**
 * One test per `[question, code]`: the search (of `limit` results, three unless told) ranks that
 * procedure first; where the case names several codes, any one of them.
 */
export const itRanksFirst = (
  portal: PortalKnowledgeBase,
  title: string,
  cases: readonly [question: string, code: string | readonly string[]][],
  { limit = 3 }: { limit?: number } = {},
): void =>
  it.each(cases)(title, (question, code) => {
    expect([code].flat()).toContain(portal.kb.search(question, { limit })[0]?.code)
  })
