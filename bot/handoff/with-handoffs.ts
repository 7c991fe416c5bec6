/**
 * Wraps the conversation with live hand-offs to a person. When a citizen asks for staff (the
 * answer kind `contact`, /contact or the menu's contact choice) a ticket opens with the
 * conversation so far (masked): within STAFF_HOURS the citizen is told they are being put
 * through; outside, that the question is kept for when staff are back (and the hotline).
 * While the ticket is open or claimed, the citizen's messages go to the ticket (acknowledged
 * briefly) instead of the bot; once an agent closes it the bot answers again. On the web
 * channel the ticket's messages (staff replies included) join the chat history.
 * @module
 */

import { maskPersonalData } from '../../knowledge/text/mask-personal-data.ts'
import type { Conversation } from '../core/handle-message.ts'
import { messages } from '../core/messages.ts'
import { createRateLimiter, type RateLimiter } from '../core/rate-limit.ts'
import type { ChannelName, Incoming, Reply } from '../core/reply.types.ts'
import type { HistoryEntry } from '../core/session-store.ts'
import { handoffMessages } from './handoff-messages.ts'
import type { HandoffStore, NewMessage } from './handoff-store.ts'
import { isWithinStaffHours, type StaffHours } from './staff-hours.ts'

export type WithHandoffsOptions = {
  store: HandoffStore
  staffHours: StaffHours
  hotline: string
  /**
   * Channels whose staff replies can be delivered (web, Telegram, Zalo by default; Bot
   * Framework (Teams) too when the Bot Connector is configured: the open ticket keeps the
   * conversation reference, bot/handoff/conversation-references.ts).
   */
  channels?: ChannelName[]
  /** Messages a waiting citizen may add to a ticket (the bot's own limiter is bypassed then). */
  rateLimit?: { burst: number; perMinute: number }
  /**
   * Counts those messages; by default in this process's memory. Pass the shared limiter
   * (`createSharedRateLimiter`) so every process serving the bot draws from one bucket.
   */
  limiter?: RateLimiter
  clock?: () => number
}

const MAX_TEXT = 1000

const repliesText = (replies: Reply[]) =>
  replies
    .map((r) => (r.type === 'link' ? `${r.label}: ${r.url}` : r.text))
    .join('\n')
    .trim()

/** What the citizen sent, masked, as one line of text. */
const saidText = (incoming: Incoming) => {
  if (incoming.command) return `/${incoming.command}`
  if (incoming.text !== undefined) return maskPersonalData(incoming.text.trim().slice(0, MAX_TEXT)).text
  return incoming.choice ? `[${incoming.choice}]` : ''
}

const isContactReply = (entry: HistoryEntry) =>
  entry.from === 'bot' && entry.replies.some((r) => r.type === 'link' && r.purpose === 'contact')

/** A staff or bot message of a ticket as the web page shows it. */
export const staffReplyText = (text: string) => `👤 ${handoffMessages.staffPrefix}: ${text}`

export const withHandoffs = (
  conversation: Conversation,
  {
    store,
    staffHours,
    hotline,
    channels = ['web', 'telegram', 'zalo'],
    rateLimit = { burst: 6, perMinute: 20 },
    clock = Date.now,
    limiter = createRateLimiter({ ...rateLimit, clock }),
  }: WithHandoffsOptions,
): Conversation => {
  return {
    ...conversation,
    handle: async (incoming) => {
      if (!channels.includes(incoming.channel)) return conversation.handle(incoming)
      const active = await store.active(incoming.channel, incoming.userId)
      if (active) {
        const decision = await limiter.take(`handoff:${incoming.channel}:${incoming.userId}`)
        if (decision !== 'allowed')
          return decision === 'warn' ? [{ type: 'text', text: messages.slowDown }] : []
        const text = saidText(incoming)
        if (!text) return [{ type: 'text', text: handoffMessages.emptyWhileWaiting }]
        await store.addMessage(active.id, { from: 'citizen', text })
        const ack = handoffMessages.forwarded
        await store.addMessage(active.id, { from: 'bot', text: ack })
        return [{ type: 'text', text: ack }]
      }
      const replies = await conversation.handle(incoming)
      if (!replies.some((r) => r.type === 'link' && r.purpose === 'contact')) return replies

      const now = clock()
      const within = isWithinStaffHours(staffHours, new Date(now))
      const copied: NewMessage[] = []
      const history = await conversation.history(incoming.channel, incoming.userId)
      if (history.length) {
        // The core's own answer to this request (the hotline) was replaced by the hand-off reply.
        for (const entry of history.filter((e) => !isContactReply(e)))
          copied.push(
            entry.from === 'user'
              ? { from: 'citizen', text: entry.text, at: entry.at, copied: true }
              : { from: 'bot', text: repliesText(entry.replies), at: entry.at, copied: true },
          )
      } else {
        copied.push({ from: 'citizen', text: saidText(incoming), at: now, copied: true })
      }
      const told = within
        ? handoffMessages.connecting
        : handoffMessages.outsideHours(staffHours.text, hotline)
      await store.open({
        channel: incoming.channel,
        userId: incoming.userId,
        outsideHours: !within,
        messages: [...copied, { from: 'bot', text: told, at: now }],
      })
      // The portal link stays: the citizen may also file a request there.
      return [{ type: 'text', text: told }, ...replies.filter((r) => r.type === 'link')]
    },
    async history(channel, userId) {
      const kept = await conversation.history(channel, userId)
      if (channel !== 'web') return kept
      const active = await store.active(channel, userId)
      const since = Math.min(
        kept[0]?.at ?? Number.POSITIVE_INFINITY,
        active?.createdAt ?? Number.POSITIVE_INFINITY,
      )
      if (!Number.isFinite(since)) return kept
      const tickets = await store.since(channel, userId, since)
      const added: HistoryEntry[] = tickets.flatMap((t) =>
        t.messages
          .filter((m) => !m.copied)
          .map(
            (m): HistoryEntry =>
              m.from === 'citizen'
                ? { from: 'user', text: m.text, at: m.createdAt }
                : {
                    from: 'bot',
                    replies: [{ type: 'text', text: m.from === 'staff' ? staffReplyText(m.text) : m.text }],
                    at: m.createdAt,
                  },
          ),
      )
      // Where a ticket opened, the page showed the hand-off reply, not the core's hotline answer.
      const replaced = (e: HistoryEntry) =>
        isContactReply(e) && tickets.some((t) => t.createdAt >= e.at && t.createdAt - e.at < 5000)
      return [...kept.filter((e) => !replaced(e)), ...added].sort((a, b) => a.at - b.at)
    },
    async hasSession(channel, userId) {
      return (
        (await conversation.hasSession(channel, userId)) || (await store.active(channel, userId)) !== null
      )
    },
  }
}
