/**
 * Citizens' chat tables: conversation state shared by every process serving the bot,
 * interactions with feedback, unanswered questions for review, channel tokens,
 * de-duplication of webhook events and messages that could not be delivered.
 * Personal data is masked before any text reaches these tables.
 * @module
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { epochMs, jsonOf, serialId, textId } from './columns.ts'

export const chatSessions = sqliteTable('chat_sessions', {
  id: textId(),
  channel: text('channel').notNull(),
  state: jsonOf<Record<string, unknown>>('state'),
  updatedAt: epochMs('updated_at'),
  expiresAt: epochMs('expires_at'),
})

/** Per-user token buckets when several processes serve one bot (BOT_RATE_LIMIT_SCOPE=database). */
export const chatRateLimits = sqliteTable('chat_rate_limits', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  at: epochMs('at'),
  warned: integer('warned').notNull(),
  decision: text('decision').notNull(),
})

/**
 * HTTP request limits (`RATE_LIMIT_ASK_PER_MINUTE`, `RATE_LIMIT_CHAT_PER_MINUTE`) with
 * `RATE_LIMIT_SCOPE=database`: one token bucket per limit and client address or session,
 * shared by every process. `key` is a digest (no address or session id is stored); `granted`
 * is whether the last request was let through. A bucket untouched for a minute is full again,
 * so its row can go.
 */
export const requestLimits = sqliteTable('request_limits', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  at: epochMs('at'),
  granted: integer('granted').notNull(),
})

export const interactions = sqliteTable(
  'interactions',
  {
    id: textId(),
    sessionId: text('session_id').notNull(),
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    procedureCode: text('procedure_code'),
    facet: text('facet'),
    feedback: text('feedback'),
    createdAt: epochMs('created_at'),
  },
  (t) => [
    index('interactions_session_idx').on(t.sessionId),
    index('interactions_created_idx').on(t.createdAt),
  ],
)

/**
 * Questions for the admins' review, one row per distinct (normalised, masked) question and
 * reason: asking it again adds to `count` and moves `last_asked_at`, so a flood of one
 * question is one entry. Rows from before de-duplication have no `question_key`.
 */
export const unansweredQuestions = sqliteTable(
  'unanswered_questions',
  {
    id: serialId(),
    interactionId: text('interaction_id'),
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: epochMs('created_at'),
    questionKey: text('question_key'),
    count: integer('count').notNull().default(1),
    lastAskedAt: integer('last_asked_at'),
  },
  (t) => [
    index('unanswered_status_idx').on(t.status, t.createdAt),
    uniqueIndex('unanswered_question_key_idx').on(t.questionKey, t.reason),
  ],
)

export const channelTokens = sqliteTable('channel_tokens', {
  channel: text('channel').primaryKey(),
  accessToken: text('access_token').notNull(),
  refreshToken: text('refresh_token').notNull(),
  expiresAt: integer('expires_at'),
  updatedAt: epochMs('updated_at'),
})

export const processedEvents = sqliteTable('processed_events', {
  id: textId(),
  receivedAt: epochMs('received_at'),
})

export const undeliveredMessages = sqliteTable('undelivered_messages', {
  id: serialId(),
  channel: text('channel').notNull(),
  recipient: text('recipient').notNull(),
  payload: text('payload', { mode: 'json' }).notNull(),
  reason: text('reason').notNull(),
  createdAt: epochMs('created_at'),
})

/** Reply-window bookkeeping per channel user (Zalo: 48 h after the citizen's last message). */
export const channelUsers = sqliteTable('channel_users', {
  id: textId(),
  channel: text('channel').notNull(),
  lastInboundAt: epochMs('last_inbound_at'),
  repliesSinceInbound: integer('replies_since_inbound').notNull().default(0),
})
