/**
 * Remembers, per API session, which procedure the last answer was about and which choices a
 * clarify question offered, in the chat's session store (`chat_sessions`, ids prefixed
 * `api:`), so any process can serve the next request. Expires with the bot's session TTL.
 * @module
 */
import { createSessionStore } from '../bot/core/session-store.ts'
import type { Answer, AnswerContext } from '../knowledge/answer/answer.types.ts'
import type { Db } from '../knowledge/db/client.ts'

export type AskContextStore = {
  load: (sessionId: string) => Promise<AnswerContext>
  save: (sessionId: string, answer: Answer) => Promise<void>
}

export const createAskContextStore = ({
  db,
  ttlMinutes,
  now = Date.now,
}: {
  db: Db
  ttlMinutes: number
  now?: () => number
}): AskContextStore => {
  const sessions = createSessionStore({ db, ttlMinutes, clock: now })
  const idOf = (sessionId: string) => `api:${sessionId}`
  return {
    async load(sessionId) {
      const { procedureCode, candidateCodes } = await sessions.load(idOf(sessionId))
      return { procedureCode, candidateCodes }
    },
    save: (sessionId, answer) =>
      sessions.save(idOf(sessionId), 'api', {
        procedureCode: answer.procedure?.code ?? null,
        candidateCodes: answer.kind === 'clarify' ? (answer.candidates ?? []).map((c) => c.code) : [],
        history: [],
      }),
  }
}
