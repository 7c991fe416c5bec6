/**
 * Webhook event ids already handled (`processed_events`), so a channel's redelivery is
 * answered once, whichever process receives it. Ids carry the channel's prefix; ids older
 * than a week are pruned now and then (channels redeliver within minutes).
 * @module
 */
import { and, like, lt } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { processedEvents } from '../../knowledge/db/schema/index.ts'
import type { Logger } from '../../platform/logger.ts'

/** How long event ids are remembered: far longer than any channel redelivers or the Zalo window. */
export const EVENT_IDS_KEEP_MS = 7 * 86_400_000
const PRUNE_EVERY = 1000

export type SeenEvents = {
  /** Records the id; false when it was recorded before. */
  firstTime: (id: string) => Promise<boolean>
}

export const createSeenEvents = ({
  db,
  prefix,
  log,
  clock = Date.now,
}: {
  db: Db
  /** e.g. `zalo:`; every id is stored under it */
  prefix: string
  log: Logger
  clock?: () => number
}): SeenEvents => {
  let recorded = 0
  const prune = () =>
    db
      .delete(processedEvents)
      .where(
        and(
          like(processedEvents.id, `${prefix}%`),
          lt(processedEvents.receivedAt, clock() - EVENT_IDS_KEEP_MS),
        ),
      )
      .catch((error: unknown) => log.warn('event ids prune failed', { prefix, error: String(error) }))
  return {
    async firstTime(id) {
      const inserted = await db
        .insert(processedEvents)
        .values({ id: `${prefix}${id}`, receivedAt: clock() })
        .onConflictDoNothing()
      if (inserted.rowsAffected === 0) return false
      recorded += 1
      if (recorded % PRUNE_EVERY === 0) void prune()
      return true
    },
  }
}
