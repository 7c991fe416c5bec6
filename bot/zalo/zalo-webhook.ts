/**
 * `POST /webhooks/zalo`: Zalo OA events. The signature is checked first (bad or missing →
 * 401), malformed bodies get 400, and nothing is processed for either. A signed event whose
 * timestamp is more than `maxAgeMs` (10 minutes) from now, in the past or the future, is
 * refused (400): a captured event cannot be replayed later, and the de-duplication store
 * only has to remember ids for that long. A valid event is de-duplicated by msg_id
 * (`processed_events`), acknowledged with 200 at once, and handled in the background, one
 * event at a time per citizen so replies keep their order.
 * @module
 */
import type { Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { describeWebhook, ok } from '../../platform/openapi/describe-operation.ts'
import { parseChoiceId } from '../core/choice-ids.ts'
import type { Conversation } from '../core/handle-message.ts'
import { createKeyedQueue } from '../core/keyed-queue.ts'
import { messages } from '../core/messages.ts'
import type { Incoming, Reply } from '../core/reply.types.ts'
import { createSeenEvents } from '../core/seen-events.ts'
import { createWebhookRoute, refuse } from '../http/create-webhook-route.ts'
import { deliverReplies } from './deliver-replies.ts'
import { CHOICE_PAYLOAD_PREFIX } from './render-replies.ts'
import { createReplyWindow } from './reply-window.ts'
import { verifyZaloSignature } from './verify-signature.ts'
import type { ZaloClient } from './zalo-client.ts'
import { NON_TEXT_EVENTS, type ZaloEvent, ZZaloEvent } from './zalo-event.types.ts'

export const ZALO_WEBHOOK_PATH = '/webhooks/zalo'
/** Zalo delivers within seconds and redelivers within minutes. */
export const ZALO_EVENT_MAX_AGE_MS = 10 * 60_000

export type ZaloWebhookOptions = {
  db: Db
  appId: string
  oaSecretKey: string
  client: ZaloClient
  conversation: Conversation
  log: Logger
  clock?: () => number
  /** How far an event's timestamp may be from now (default 10 minutes). */
  maxAgeMs?: number
}

export type ZaloWebhook = {
  routes: Hono
  /** Resolves when every accepted event has been handled (tests, graceful shutdown). */
  whenIdle: () => Promise<void>
}

/** What the citizen did, as the conversation core understands it; null for events to ignore. */
const toIncoming = (
  event: ZaloEvent,
): { userId: string; incoming: Omit<Incoming, 'channel' | 'userId'> } | null => {
  const userId = event.sender?.id
  if (event.event_name === 'user_send_text' && userId) {
    const text = event.message?.text ?? ''
    if (text.startsWith(CHOICE_PAYLOAD_PREFIX)) {
      const id = text.slice(CHOICE_PAYLOAD_PREFIX.length)
      if (parseChoiceId(id)) return { userId, incoming: { choice: id } }
    }
    return { userId, incoming: { text } }
  }
  if (event.event_name === 'follow' && event.follower?.id)
    return { userId: event.follower.id, incoming: { command: 'start' } }
  return null
}

export const createZaloWebhook = ({
  db,
  appId,
  oaSecretKey,
  client,
  conversation,
  log,
  clock = Date.now,
  maxAgeMs = ZALO_EVENT_MAX_AGE_MS,
}: ZaloWebhookOptions): ZaloWebhook => {
  const window = createReplyWindow({ db, clock })
  const queue = createKeyedQueue()
  const seen = createSeenEvents({ db, prefix: 'zalo:', log, clock })
  const handle = async (event: ZaloEvent) => {
    const nonText = NON_TEXT_EVENTS.has(event.event_name) && event.sender?.id
    const mapped = toIncoming(event)
    const userId = nonText ? event.sender?.id : mapped?.userId
    if (!userId) return
    await window.recordInbound(userId)
    const replies: Reply[] = mapped
      ? await conversation.handle({ channel: 'zalo', userId, ...mapped.incoming })
      : [{ type: 'text', text: messages.nonText }]
    await deliverReplies({ db, client, window, log, userId, replies, clock })
  }

  const enqueue = (userId: string, event: ZaloEvent) =>
    queue.push(
      userId,
      () => handle(event),
      async (error) => {
        log.error('zalo event failed', { event: event.event_name, error: String(error) })
        await deliverReplies({
          db,
          client,
          window,
          log,
          userId,
          replies: [{ type: 'text', text: messages.error }],
          clock,
        })
      },
    )

  const routes = createWebhookRoute<{ event: ZaloEvent; owner: string }>({
    path: ZALO_WEBHOOK_PATH,
    operation: describeWebhook({
      summary: 'Webhook của Zalo OA (X-ZEvent-Signature)',
      body: z.looseObject({ event_name: z.string() }).meta({ description: 'Zalo OA event' }),
      responses: ok(z.object({ ok: z.literal(true), duplicate: z.boolean().optional() }), 'Đã nhận'),
      errors: [400, 401, 413],
    }),
    maxBytes: 256 * 1024,
    tooLargeMessage: 'Too large',
    requiredHeader: { name: 'X-ZEvent-Signature', message: 'Missing X-ZEvent-Signature.' },
    seen,
    verify: async ({ header: signature, rawBody, json }) => {
      const parsed = ZZaloEvent.safeParse(json)
      if (!parsed.success) return refuse(400, 'BAD_REQUEST', 'Not a Zalo OA event.')
      const event = parsed.data
      if (!verifyZaloSignature(signature, { appId, rawBody, timestamp: event.timestamp, oaSecretKey })) {
        log.warn('zalo webhook rejected: bad signature', { event: event.event_name })
        return refuse(401, 'UNAUTHORIZED', 'Signature does not match.')
      }
      // Zalo stamps events in milliseconds; a value in seconds is read as such.
      const stamp = Number(event.timestamp)
      const sentAt = stamp < 1e12 ? stamp * 1000 : stamp
      if (!Number.isFinite(sentAt) || Math.abs(clock() - sentAt) > maxAgeMs) {
        log.warn('zalo webhook rejected: event outside the time window', { event: event.event_name })
        return refuse(400, 'STALE_EVENT', 'Event timestamp is outside the accepted window.')
      }
      const owner = event.sender?.id ?? event.follower?.id ?? ''
      const eventId = event.message?.msg_id ?? `${event.event_name}:${owner}:${event.timestamp}`
      return { event: { event, owner }, keys: [eventId] }
    },
    process: (_c, { event, owner }) => {
      if (owner) enqueue(owner, event)
      return undefined
    },
    acknowledge: (c, duplicate) => c.json(duplicate ? { ok: true, duplicate: true } : { ok: true }),
  })

  return {
    routes,
    whenIdle: async () => {
      await queue.whenIdle()
    },
  }
}
