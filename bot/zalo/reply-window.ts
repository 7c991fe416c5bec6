/**
 * Zalo's free reply window: an OA may answer a citizen for 48 hours after the citizen's last
 * message, at most 8 times; a new message from the citizen opens a new window. Kept in
 * `channel_users` so every process shares the count.
 * @module
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { channelUsers } from '../../knowledge/db/schema/index.ts'

export const REPLY_WINDOW_MS = 48 * 60 * 60 * 1000
export const REPLIES_PER_WINDOW = 8

export type ReplyWindow = {
  /** The citizen wrote: open a fresh window. */
  recordInbound: (userId: string) => Promise<void>
  /** Takes one reply from the window; null when allowed, else why not. */
  reserveReply: (userId: string) => Promise<null | 'reply_window_expired' | 'reply_quota_exhausted'>
}

export const createReplyWindow = ({
  db,
  clock = Date.now,
}: {
  db: Db
  clock?: () => number
}): ReplyWindow => {
  const idOf = (userId: string) => `zalo:${userId}`
  return {
    async recordInbound(userId) {
      const at = clock()
      await db
        .insert(channelUsers)
        .values({ id: idOf(userId), channel: 'zalo', lastInboundAt: at, repliesSinceInbound: 0 })
        .onConflictDoUpdate({ target: channelUsers.id, set: { lastInboundAt: at, repliesSinceInbound: 0 } })
    },
    async reserveReply(userId) {
      const now = clock()
      const taken = await db
        .update(channelUsers)
        .set({ repliesSinceInbound: sql`${channelUsers.repliesSinceInbound} + 1` })
        .where(
          and(
            eq(channelUsers.id, idOf(userId)),
            lt(channelUsers.repliesSinceInbound, REPLIES_PER_WINDOW),
            gte(channelUsers.lastInboundAt, now - REPLY_WINDOW_MS),
          ),
        )
      if (taken.rowsAffected === 1) return null
      const [row] = await db
        .select()
        .from(channelUsers)
        .where(eq(channelUsers.id, idOf(userId)))
        .limit(1)
      return !row || row.lastInboundAt < now - REPLY_WINDOW_MS
        ? 'reply_window_expired'
        : 'reply_quota_exhausted'
    },
  }
}
