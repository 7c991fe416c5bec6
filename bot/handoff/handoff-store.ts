/**
 * Hand-off tickets in libSQL: open one for a citizen, add messages (masked), claim and close
 * (both audited under the staff actor), list them with their messages. Every change is also
 * announced on `events` so the console's live stream can show it at once.
 * @module
 */
import { EventEmitter } from 'node:events'
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import {
  type HandoffSender,
  type HandoffStatus,
  handoffMessages,
  handoffReferences,
  handoffs,
} from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { ChannelName } from '../core/reply.types.ts'

export type HandoffMessage = {
  id: number
  from: HandoffSender
  text: string
  createdAt: number
  delivered: boolean
  copied: boolean
}

export type Handoff = {
  id: number
  channel: ChannelName
  userId: string
  status: HandoffStatus
  outsideHours: boolean
  claimedBy: string | null
  createdAt: number
  claimedAt: number | null
  closedAt: number | null
  note: string | null
  messages: HandoffMessage[]
}

export type HandoffEvent = {
  type: 'created' | 'message' | 'claimed' | 'closed'
  handoffId: number
  from?: HandoffSender
}

export type NewMessage = {
  from: HandoffSender
  text: string
  delivered?: boolean
  copied?: boolean
  at?: number
}

export type HandoffStore = ReturnType<typeof createHandoffStore>

export const createHandoffStore = ({ db, clock = Date.now }: { db: Db; clock?: () => number }) => {
  const events = new EventEmitter<{ handoff: [HandoffEvent] }>()
  events.setMaxListeners(0)
  const emit = (event: HandoffEvent) => events.emit('handoff', event)

  const withMessages = async (rows: (typeof handoffs.$inferSelect)[]): Promise<Handoff[]> => {
    if (rows.length === 0) return []
    const messages = await db
      .select()
      .from(handoffMessages)
      .where(
        inArray(
          handoffMessages.handoffId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(handoffMessages.createdAt, handoffMessages.id)
    return rows.map((r) => ({
      ...r,
      channel: r.channel as ChannelName,
      messages: messages.filter((m) => m.handoffId === r.id).map(({ handoffId: _h, ...m }) => m),
    }))
  }

  const get = async (id: number): Promise<Handoff> => {
    const rows = await db.select().from(handoffs).where(eq(handoffs.id, id)).limit(1)
    const [found] = await withMessages(rows)
    if (!found) throw new AppError('NOT_FOUND', `Không có yêu cầu hỗ trợ số ${id}.`)
    return found
  }

  const audit = (actor: string, action: string, id: number, detail: Record<string, unknown> | null) =>
    recordAudit(db, {
      actor,
      action,
      entity: 'handoff',
      entityId: id,
      detail,
      at: new Date(clock()).toISOString(),
    })

  /** The citizen's open or claimed ticket, if any. */
  const active = async (channel: ChannelName, userId: string) => {
    const [row] = await db
      .select()
      .from(handoffs)
      .where(
        and(
          eq(handoffs.channel, channel),
          eq(handoffs.userId, userId),
          inArray(handoffs.status, ['open', 'claimed']),
        ),
      )
      .orderBy(desc(handoffs.id))
      .limit(1)
    return row ?? null
  }

  return {
    events,
    get,

    active,

    /** The citizen's tickets created since `since`, with their messages (oldest first). */
    async since(channel: ChannelName, userId: string, since: number) {
      const rows = await db
        .select()
        .from(handoffs)
        .where(
          and(eq(handoffs.channel, channel), eq(handoffs.userId, userId), gte(handoffs.createdAt, since)),
        )
        .orderBy(handoffs.id)
      return withMessages(rows)
    },

    async open(options: {
      channel: ChannelName
      userId: string
      outsideHours: boolean
      messages: NewMessage[]
    }): Promise<number> {
      const at = clock()
      // One batch (atomic, no interactive transaction): the messages find their ticket by the
      // citizen's active-ticket index.
      const ticketOf = sql`(SELECT ${handoffs.id} FROM ${handoffs} WHERE ${handoffs.channel} = ${options.channel} AND ${handoffs.userId} = ${options.userId} AND ${handoffs.status} != 'closed')`
      const insertTicket = db
        .insert(handoffs)
        .values({
          channel: options.channel,
          userId: options.userId,
          status: 'open',
          outsideHours: options.outsideHours,
          createdAt: at,
        })
        .returning({ id: handoffs.id })
      const id = await (options.messages.length
        ? db.batch([
            insertTicket,
            db.insert(handoffMessages).values(
              options.messages.map((m) => ({
                handoffId: ticketOf,
                from: m.from,
                text: m.text,
                delivered: m.delivered ?? true,
                copied: m.copied ?? false,
                createdAt: m.at ?? at,
              })),
            ),
          ])
        : db.batch([insertTicket])
      ).then(
        ([rows]) => {
          const row = rows[0]
          if (!row) throw new Error('handoff insert returned nothing')
          return row.id
        },
        async (error: unknown) => {
          // Two messages at once both asked for a person: the first ticket stands.
          const existing = await active(options.channel, options.userId)
          if (existing) return -existing.id
          throw error
        },
      )
      if (id < 0) return -id
      emit({ type: 'created', handoffId: id })
      return id
    },

    async addMessage(handoffId: number, message: NewMessage): Promise<HandoffMessage> {
      const [row] = await db
        .insert(handoffMessages)
        .values({
          handoffId,
          from: message.from,
          text: message.text,
          delivered: message.delivered ?? true,
          copied: message.copied ?? false,
          createdAt: message.at ?? clock(),
        })
        .returning()
      if (!row) throw new Error('handoff message insert returned nothing')
      emit({ type: 'message', handoffId, from: message.from })
      const { handoffId: _h, ...out } = row
      return out
    },

    async markDelivered(messageId: number, delivered: boolean) {
      await db.update(handoffMessages).set({ delivered }).where(eq(handoffMessages.id, messageId))
    },

    /** Newest first, with messages. */
    async list({ status, limit = 100 }: { status?: HandoffStatus[]; limit?: number } = {}) {
      const rows = await db
        .select()
        .from(handoffs)
        .where(status?.length ? inArray(handoffs.status, status) : undefined)
        .orderBy(desc(handoffs.id))
        .limit(limit)
      return withMessages(rows)
    },

    async claim({ id, actor }: { id: number; actor: string }) {
      const current = await get(id)
      if (current.status === 'closed') throw new AppError('CONFLICT', `Yêu cầu hỗ trợ số ${id} đã đóng.`)
      if (current.status === 'claimed' && current.claimedBy !== actor)
        throw new AppError('CONFLICT', `Yêu cầu hỗ trợ số ${id} đã do ${current.claimedBy} nhận.`)
      const at = clock()
      await db.batch([
        db
          .update(handoffs)
          .set({ status: 'claimed', claimedBy: actor, claimedAt: current.claimedAt ?? at })
          .where(eq(handoffs.id, id)),
        audit(actor, 'handoff.claim', id, null),
      ])
      emit({ type: 'claimed', handoffId: id })
      return get(id)
    },

    async close({ id, actor, note }: { id: number; actor: string; note: string | null }) {
      const current = await get(id)
      if (current.status === 'closed') throw new AppError('CONFLICT', `Yêu cầu hỗ trợ số ${id} đã đóng.`)
      const at = clock()
      await db.batch([
        db
          .update(handoffs)
          .set({
            status: 'closed',
            closedAt: at,
            note,
            claimedBy: current.claimedBy ?? actor,
            claimedAt: current.claimedAt ?? at,
          })
          .where(eq(handoffs.id, id)),
        audit(actor, 'handoff.close', id, note ? { note } : null),
        // A Teams conversation reference is kept only while the ticket is open.
        db.delete(handoffReferences).where(eq(handoffReferences.handoffId, id)),
      ])
      emit({ type: 'closed', handoffId: id })
      return get(id)
    },

    /** Changes whenever any process opens, claims or closes a ticket or adds a message. */
    async changeMark(): Promise<string> {
      const [row] = await db
        .select({
          tickets: sql<number>`(SELECT coalesce(max(${handoffs.id}), 0) FROM ${handoffs})`,
          messages: sql<number>`(SELECT coalesce(max(${handoffMessages.id}), 0) FROM ${handoffMessages})`,
          states: sql<number>`(SELECT count(*) FROM ${handoffs} WHERE ${handoffs.status} != 'open')`,
          closed: sql<number>`(SELECT count(*) FROM ${handoffs} WHERE ${handoffs.status} = 'closed')`,
        })
        .from(sql`(SELECT 1)`)
      return row ? `${row.tickets}:${row.messages}:${row.states}:${row.closed}` : ''
    },

    auditReply: (actor: string, id: number, delivered: boolean) =>
      audit(actor, 'handoff.reply', id, { delivered }),
  }
}
