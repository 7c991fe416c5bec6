/**
 * Live hand-offs to a person: a ticket per citizen asking for staff (open → claimed → closed)
 * and its messages (masked), each remembering whether it reached the citizen's channel.
 * @module
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { epochMs, flag, ownerId, serialId } from './columns.ts'

export const HANDOFF_STATUSES = ['open', 'claimed', 'closed'] as const
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number]
export const HANDOFF_SENDERS = ['citizen', 'staff', 'bot'] as const
export type HandoffSender = (typeof HANDOFF_SENDERS)[number]

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: serialId(),
    channel: text('channel').notNull(),
    /** The citizen as the channel knows them: web session id, Telegram chat id, Zalo user id… */
    userId: text('user_id').notNull(),
    status: text('status').$type<HandoffStatus>().notNull(),
    /** Asked outside staff hours: captured, answered when staff are back. */
    outsideHours: flag('outside_hours', false),
    claimedBy: text('claimed_by'),
    createdAt: epochMs('created_at'),
    claimedAt: integer('claimed_at'),
    closedAt: integer('closed_at'),
    note: text('note'),
  },
  (t) => [
    index('handoffs_user_idx').on(t.channel, t.userId, t.status),
    index('handoffs_status_idx').on(t.status),
    // At most one ticket per citizen is open or claimed at a time.
    uniqueIndex('handoffs_active_idx').on(t.channel, t.userId).where(sql`status != 'closed'`),
  ],
)

export const handoffMessages = sqliteTable(
  'handoff_messages',
  {
    id: serialId(),
    handoffId: ownerId('handoff_id', () => handoffs.id),
    from: text('from').$type<HandoffSender>().notNull(),
    text: text('text').notNull(),
    createdAt: epochMs('created_at'),
    delivered: flag('delivered', true),
    /** Copied from the conversation before the hand-off (already in the web transcript). */
    copied: flag('copied', false),
  },
  (t) => [index('handoff_messages_handoff_idx').on(t.handoffId)],
)

/**
 * How to reach a Bot Framework (Teams) citizen with a staff reply: the conversation reference
 * of their open ticket (service URL, conversation, bot and user accounts). Kept only while
 * the ticket is open or claimed; deleted when it closes.
 */
export const handoffReferences = sqliteTable('handoff_references', {
  handoffId: ownerId('handoff_id', () => handoffs.id).primaryKey(),
  reference: text('reference', { mode: 'json' }).notNull(),
  updatedAt: epochMs('updated_at'),
})
