/**
 * Remembers, per API session, which procedure the last answer was about and which choices a
 * clarify question offered, in the chat's session store (`chat_sessions`, ids prefixed
 * `api:`), so any process can serve the next request. Expires with the bot's session TTL.
 * @module
 */
import { createSessionStore, type SessionStoreOptions } from '../bot/core/session-store.ts'
import type { Answer, AnswerContext } from '../knowledge/answer/answer.types.ts'

export type AskContextStore = {
  load: (sessionId: string) => Promise<AnswerContext>
  save: (sessionId: string, answer: Answer) => Promise<void>
}

/** @param options the session store's: the API's contexts live in it, as long as a chat's session */
export const createAskContextStore = (options: SessionStoreOptions): AskContextStore => {
  const sessions = createSessionStore(options)
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
