/**
 * Conversation references of Bot Framework (Teams) citizens with an open hand-off: what a
 * staff reply needs to reach them later (the Bot Connector's "proactive message" into the
 * same conversation). One is kept per open or claimed ticket, refreshed with each message
 * the citizen sends, and deleted when the ticket closes; none is kept for anyone else.
 * @module
 */
import { and, eq, ne } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { handoffReferences, handoffs } from '../../knowledge/db/schema/index.ts'
import type { Activity } from '../agents/activity.types.ts'

export type ConversationReference = {
  serviceUrl: string
  channelId: string
  conversation: Activity['conversation']
  bot: { id: string; name?: string }
  user: { id: string; name?: string }
  locale?: string
}

const account = ({ id, name }: { id: string; name?: string | null }) => (name ? { id, name } : { id })

/** The reference of the conversation an inbound activity came from. */
export const referenceOf = (activity: Activity): ConversationReference => ({
  serviceUrl: activity.serviceUrl,
  channelId: activity.channelId,
  conversation: activity.conversation,
  bot: account(activity.recipient),
  user: account(activity.from),
  ...(activity.locale ? { locale: activity.locale } : {}),
})

export const createConversationReferences = ({ db, clock = Date.now }: { db: Db; clock?: () => number }) => {
  const activeTicket = async (userId: string) =>
    (
      await db
        .select({ id: handoffs.id })
        .from(handoffs)
        .where(
          and(
            eq(handoffs.channel, 'botframework'),
            eq(handoffs.userId, userId),
            ne(handoffs.status, 'closed'),
          ),
        )
        .limit(1)
    )[0]?.id ?? null

  return {
    /** Keeps the reference when the citizen has an open ticket; does nothing otherwise. */
    async remember(userId: string, reference: ConversationReference): Promise<boolean> {
      const id = await activeTicket(userId)
      if (id === null) return false
      await db
        .insert(handoffReferences)
        .values({ handoffId: id, reference, updatedAt: clock() })
        .onConflictDoUpdate({ target: handoffReferences.handoffId, set: { reference, updatedAt: clock() } })
      return true
    },
    /** @returns the reference of the citizen's open ticket, or null */
    async read(userId: string): Promise<ConversationReference | null> {
      const id = await activeTicket(userId)
      if (id === null) return null
      const [row] = await db
        .select()
        .from(handoffReferences)
        .where(eq(handoffReferences.handoffId, id))
        .limit(1)
      return (row?.reference as ConversationReference | undefined) ?? null
    },
  }
}
