/**
 * What the chat channels are built from (`BotDeps`: the settings they read, the database,
 * the knowledge base and the logger) and what they receive once built (`ChatServices`). The
 * composition root (api/compose-services.ts) builds every channel once and hands the result
 * to the routes and to the background starters; bot/ never builds a channel on its own.
 * @module
 */
import type { Db } from '../knowledge/db/client.ts'
import type { CounterDb } from '../knowledge/db/open-counter-db.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Logger } from '../platform/logger.ts'
import type { AgentsWebhook } from './agents/agents-webhook.ts'
import type { ConnectorClient } from './agents/connector-client.ts'
import type { BotConfig } from './config.ts'
import type { Conversation } from './core/handle-message.ts'
import type { RateLimitScope } from './core/rate-limit.ts'
import type { DeliverStaffMessage } from './handoff/deliver-staff-message.ts'
import type { HandoffStore } from './handoff/handoff-store.ts'
import type { TelegramBot } from './telegram/create-telegram-bot.ts'
import type { ZaloClient } from './zalo/zalo-client.ts'
import type { ZaloWebhook } from './zalo/zalo-webhook.ts'

export type BotSettings = {
  bot: BotConfig
  /** The server's public address (webhooks, links), or null on a local run. */
  publicUrl: string | null
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. */
  trustProxyHops: number
  /** Requests a minute per client address and per session (0: off), and where they are counted. */
  rateLimits: { askPerMinute: number; chatPerMinute: number; scope: RateLimitScope }
}

export type BotDeps = {
  config: BotSettings
  db: Db
  kb: KnowledgeBase
  log: Logger
}

/** The chat channels of one running app, each built once; a channel not configured is null. */
export type ChatChannels = {
  /** the one conversation the web chat, /v1/ask and every channel share (notices, hand-offs) */
  conversation: Conversation
  /** hand-off tickets, shared by the conversation and the staff console's live stream */
  handoffs: HandoffStore
  /** a staff reply to the citizen on their channel */
  deliverStaffMessage: DeliverStaffMessage
  /** the Telegram bot of the webhook route and of long polling */
  telegram: TelegramBot | null
  /** the Zalo OA webhook and the one OA client (its token refresh) for replies and staff messages */
  zalo: { webhook: ZaloWebhook; client: ZaloClient } | null
  /** the Bot Framework endpoint and the one Bot Connector client (Teams) */
  agents: { webhook: AgentsWebhook; client: ConnectorClient } | null
  /** the one counter connection every limit counted in the database (`scope: database`) draws on */
  counters: CounterDb
}

export type ChatServices = BotDeps & ChatChannels
