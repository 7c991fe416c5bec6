/**
 * What the chat channels are built from: the settings they read, the database, the
 * knowledge base and the logger. The app's own dependencies (api/deps.ts) have all of it, so
 * the app hands them over as they are; bot/ never needs to know the rest of the app.
 * @module
 */
import type { Db } from '../knowledge/db/client.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import type { Logger } from '../platform/logger.ts'
import type { BotConfig } from './config.ts'
import type { RateLimitScope } from './core/rate-limit.ts'

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
