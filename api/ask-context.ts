/**
 * Remembers, per API session, which procedure the last answer was about and which choices a
 * clarify question offered, in libSQL (`chat_sessions`, ids prefixed `api:`), so any process
 * can serve the next request. Expires with the bot's session TTL.
 * @module
 */
import { eq } from 'drizzle-orm'
import type { Answer, AnswerContext } from '../knowledge/answer/answer.types.ts'
import type { Db } from '../knowledge/db/client.ts'
import { chatSessions } from '../knowledge/db/schema/index.ts'

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
}): AskContextStore => ({
  async load(sessionId) {
    const rows = await db
      .select()
      .from(chatSessions)
      .where(eq(chatSessions.id, `api:${sessionId}`))
      .limit(1)
    const row = rows[0]
    if (!row || row.expiresAt < now()) return {}
    return row.state as AnswerContext
  },
  async save(sessionId, answer) {
    const state: AnswerContext = {
      procedureCode: answer.procedure?.code ?? null,
      candidateCodes: answer.kind === 'clarify' ? (answer.candidates ?? []).map((c) => c.code) : [],
    }
    const at = now()
    const row = {
      id: `api:${sessionId}`,
      channel: 'api',
      state,
      updatedAt: at,
      expiresAt: at + ttlMinutes * 60_000,
    }
    await db
      .insert(chatSessions)
      .values(row)
      .onConflictDoUpdate({
        target: chatSessions.id,
        set: { state, updatedAt: at, expiresAt: row.expiresAt },
      })
  },
})
