/**
 * `POST /api/messages`: the Bot Framework messaging endpoint (Teams, Azure Bot Service Web
 * Chat, Direct Line). No bearer token → 401 before the body is read; malformed JSON → 400;
 * a token that fails verification (bot/agents/verify-connector-token.ts) → 401; something
 * that is not an activity → 400; more than 256 KB → 413. Nothing is processed or stored for
 * any of them. A valid activity is de-duplicated by channel + conversation + activity id
 * (`processed_events`); one without an id by a digest of channel, conversation, sender,
 * timestamp, text and value, and one with neither id nor timestamp is refused (400), since
 * nothing would tell a replay from a new message. It is acknowledged with 200 at once, and handled in the background, one
 * activity at a time per conversation so replies keep their order. Activity types trolyso
 * does not use are acknowledged and ignored.
 * @module
 */
import { createHash } from 'node:crypto'
import type { Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { describeWebhook } from '../../platform/openapi/describe-operation.ts'
import type { Conversation } from '../core/handle-message.ts'
import { createKeyedQueue } from '../core/keyed-queue.ts'
import { messages } from '../core/messages.ts'
import type { Reply } from '../core/reply.types.ts'
import { createSeenEvents } from '../core/seen-events.ts'
import { createWebhookRoute, refuse } from '../http/create-webhook-route.ts'
import { type Activity, ZActivity } from './activity.types.ts'
import type { ConnectorClient } from './connector-client.ts'
import { deliverAgentsReplies } from './deliver-replies.ts'
import { type ActivityAction, conversationKey, mapActivity } from './map-activity.ts'
import type { VerifyConnectorToken } from './verify-connector-token.ts'

export const AGENTS_MESSAGES_PATH = '/api/messages'

export type AgentsWebhookOptions = {
  db: Db
  verify: VerifyConnectorToken
  client: ConnectorClient
  conversation: Conversation
  log: Logger
  /** Called after each citizen message is handled (keeps a hand-off's conversation reference). */
  onHandled?: (activity: Activity, userId: string) => Promise<unknown>
  clock?: () => number
}

export type AgentsWebhook = {
  routes: Hono
  /** Resolves when every accepted activity has been handled (tests, graceful shutdown). */
  whenIdle: () => Promise<void>
}

const eventId = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32)

/**
 * @returns the de-duplication key of an activity: its id within its conversation, or for an
 * activity without an id a digest of what it says and when; null when it has neither id nor timestamp
 */
const replayKey = (activity: Activity): string | null => {
  if (activity.id) return eventId(activity.channelId, activity.conversation.id, activity.id)
  if (!activity.timestamp) return null
  return eventId(
    'no-id',
    activity.channelId,
    activity.conversation.id,
    activity.from.id,
    activity.type,
    activity.timestamp,
    activity.text ?? '',
    JSON.stringify(activity.value ?? null),
  )
}

export const createAgentsWebhook = ({
  db,
  verify,
  client,
  conversation,
  log,
  onHandled,
  clock = Date.now,
}: AgentsWebhookOptions): AgentsWebhook => {
  const queue = createKeyedQueue()
  const seen = createSeenEvents({ db, prefix: 'botframework:', log, clock })

  const deliver = (activity: Activity, replies: Reply[]) =>
    deliverAgentsReplies({ db, client, log, activity, replies, clock })

  const handle = async (activity: Activity, action: ActivityAction) => {
    const replies: Reply[] =
      action.kind === 'non_text'
        ? [{ type: 'text', text: messages.nonText }]
        : await conversation.handle({
            channel: 'botframework',
            userId: action.userId,
            ...(action.kind === 'welcome' ? { command: 'start' as const } : action.incoming),
          })
    await deliver(activity, replies)
    if (action.kind !== 'non_text' && onHandled) await onHandled(activity, action.userId)
  }

  const enqueue = (activity: Activity, action: ActivityAction) =>
    queue.push(
      conversationKey(activity),
      () => handle(activity, action),
      async (error) => {
        log.error('botframework activity failed', {
          type: activity.type,
          channelId: activity.channelId,
          error: String(error),
        })
        await deliver(activity, [{ type: 'text', text: messages.error }])
      },
    )

  const routes = createWebhookRoute<{ activity: Activity; action: ActivityAction }>({
    path: AGENTS_MESSAGES_PATH,
    operation: describeWebhook({
      summary: 'Bot Framework (Teams, Web Chat, Direct Line): Activity, mã của Bot Connector',
      body: z.looseObject({ type: z.string() }).meta({ description: 'Bot Framework Activity' }),
      errors: [400, 401, 413, 503],
    }),
    maxBytes: 256 * 1024,
    tooLargeMessage: 'Request body too large.',
    requiredHeader: { name: 'Authorization', message: 'Missing Authorization header.' },
    seen,
    verify: async ({ header: authorization, json }) => {
      const claimed = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>
      const verified = await verify(authorization, {
        serviceUrl: claimed['serviceUrl'],
        channelId: claimed['channelId'],
      })
      if (!verified.ok) {
        log.warn('botframework request rejected', { reason: verified.reason, status: verified.status })
        return verified.status === 503
          ? refuse(503, 'UNAVAILABLE', 'Cannot verify the token right now.')
          : refuse(401, 'UNAUTHORIZED', 'The bearer token is not valid for this bot.')
      }
      const parsed = ZActivity.safeParse(json)
      if (!parsed.success) return refuse(400, 'BAD_REQUEST', 'Not a Bot Framework activity.')
      const activity = parsed.data
      const action = mapActivity(activity)
      if (!action) return { ignore: true }
      const key = replayKey(activity)
      if (!key) return refuse(400, 'BAD_REQUEST', 'An activity needs an id or a timestamp.')
      // a welcome sent once per conversation is also recorded under the conversation
      const keys =
        action.kind === 'welcome' && action.once
          ? [key, eventId('welcome', conversationKey(activity))]
          : [key]
      return { event: { activity, action }, keys }
    },
    process: (_c, { activity, action }) => {
      enqueue(activity, action)
      return undefined
    },
    acknowledge: (c) => c.body(null, 200),
  })

  return {
    routes,
    whenIdle: queue.whenIdle,
  }
}
