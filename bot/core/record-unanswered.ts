/**
 * Records a question for the admins' review (`unanswered_questions`), one entry per distinct
 * question and reason: the (already masked) text is normalised (case, diacritics, spacing,
 * punctuation), and asking the same question again adds to its `count` and `last_asked_at`
 * instead of adding a row, so a flood of one question cannot fill the queue. A question the
 * admins marked resolved that is still unanswered opens again; a dismissed one stays dismissed.
 * @module
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { unansweredQuestions } from '../../knowledge/db/schema/index.ts'

const MAX_KEY_CHARS = 500

/**
 * @returns the de-duplication key of a masked question
 * @example questionKey('Làm lại  CCCD ở đâu?') // 'lam lai cccd o dau'
 */
export const questionKey = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim()
    .slice(0, MAX_KEY_CHARS)

export type RecordUnansweredOptions = {
  db: Db
  interactionId: string
  channel: string
  /** Masked question text. */
  text: string
  reason: 'not_found' | 'not_useful'
  at: number
}

/** @returns the insert-or-count statement, to run alone or in a batch */
export const recordUnanswered = ({ db, interactionId, channel, text, reason, at }: RecordUnansweredOptions) =>
  db
    .insert(unansweredQuestions)
    .values({
      interactionId,
      channel,
      text,
      reason,
      createdAt: at,
      questionKey: questionKey(text),
      count: 1,
      lastAskedAt: at,
    })
    .onConflictDoUpdate({
      target: [unansweredQuestions.questionKey, unansweredQuestions.reason],
      set: {
        count: sql`${unansweredQuestions.count} + 1`,
        lastAskedAt: at,
        status: sql`CASE WHEN ${unansweredQuestions.status} = 'resolved' THEN 'open' ELSE ${unansweredQuestions.status} END`,
      },
    })
