/**
 * Conversation state in libSQL (`chat_sessions`), so several processes can serve one bot:
 * the procedure being discussed, the choices last offered and, for the web page, a short
 * history. A session untouched for the TTL is treated as gone and later purged. The /v1/ask
 * API keeps its follow-up context here too, under ids prefixed `api:`.
 * @module
 */
import { and, eq, gt, lt } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../knowledge/db/client.ts'
import { chatSessions } from '../../knowledge/db/schema/index.ts'
import type { ChannelName, Reply } from './reply.types.ts'

export type HistoryEntry =
  | { from: 'user'; text: string; at: number }
  | { from: 'bot'; replies: Reply[]; at: number }

export type SessionState = {
  procedureCode: string | null
  candidateCodes: string[]
  /** Masked; kept only for channels that show history (the web page). */
  history: HistoryEntry[]
}

/** Whose session: a chat channel's, or the /v1/ask API's. */
export type SessionChannel = ChannelName | 'api'

export type SessionStore = {
  load: (id: string) => Promise<SessionState>
  /** Whether the session exists and has not expired. */
  exists: (id: string) => Promise<boolean>
  save: (id: string, channel: SessionChannel, state: SessionState) => Promise<void>
  /** The save as a statement, to commit in one transaction with other writes (`db.batch`). */
  saveStatement: (id: string, channel: SessionChannel, state: SessionState) => BatchItem<'sqlite'>
  purgeExpired: () => Promise<number>
}

export const emptySession = (): SessionState => ({ procedureCode: null, candidateCodes: [], history: [] })

/** `ttlMinutes`: how long a session lives after its last save; `clock`: the time (`Date.now`). */
export type SessionStoreOptions = { db: Db; ttlMinutes: number; clock?: () => number }

export const createSessionStore = ({
  db,
  ttlMinutes,
  clock = Date.now,
}: SessionStoreOptions): SessionStore => {
  const saveStatement = (id: string, channel: SessionChannel, state: SessionState) => {
    const at = clock()
    const expiresAt = at + ttlMinutes * 60_000
    return db
      .insert(chatSessions)
      .values({ id, channel, state, updatedAt: at, expiresAt })
      .onConflictDoUpdate({ target: chatSessions.id, set: { state, updatedAt: at, expiresAt } })
  }
  return {
    async load(id) {
      const [row] = await db
        .select({ state: chatSessions.state })
        .from(chatSessions)
        .where(and(eq(chatSessions.id, id), gt(chatSessions.expiresAt, clock())))
        .limit(1)
      if (!row) return emptySession()
      const state = row.state as Partial<SessionState>
      return {
        procedureCode: typeof state.procedureCode === 'string' ? state.procedureCode : null,
        candidateCodes: Array.isArray(state.candidateCodes) ? state.candidateCodes : [],
        history: Array.isArray(state.history) ? state.history : [],
      }
    },
    async exists(id) {
      const rows = await db
        .select({ id: chatSessions.id })
        .from(chatSessions)
        .where(and(eq(chatSessions.id, id), gt(chatSessions.expiresAt, clock())))
        .limit(1)
      return rows.length > 0
    },
    async save(id, channel, state) {
      await saveStatement(id, channel, state)
    },
    saveStatement,
    async purgeExpired() {
      const result = await db.delete(chatSessions).where(lt(chatSessions.expiresAt, clock()))
      return result.rowsAffected
    },
  }
}
