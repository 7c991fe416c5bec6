/**
 * Citizens' chat over HTTP: the web chat page and its JSON API, the Telegram webhook (when a
 * PUBLIC_URL is configured), the Zalo OA webhook (when Zalo is configured) and the Bot
 * Framework messaging endpoint `/api/messages` (when a Microsoft App ID is configured), all
 * over one conversation built from the app's database and knowledge base.
 * @module
 */
import { Hono } from 'hono'
import { agentsWebhookForDeps } from './agents/agents-for-deps.ts'
import type { BotDeps } from './bot-deps.ts'
import { conversationForDeps } from './core/conversation-for-deps.ts'
import { telegramBotForDeps } from './telegram/telegram-for-deps.ts'
import { createTelegramWebhook } from './telegram/telegram-webhook.ts'
import { createWebChatRoutes } from './web/web-chat-routes.ts'
import { zaloWebhookForDeps } from './zalo/zalo-for-deps.ts'

export const createChatRoutes = (deps: BotDeps) => {
  const routes = new Hono()
  routes.route(
    '/',
    createWebChatRoutes({
      conversation: conversationForDeps(deps),
      perMinute: deps.config.rateLimits.chatPerMinute,
      scope: deps.config.rateLimits.scope,
      db: deps.db,
      trustProxyHops: deps.config.trustProxyHops,
      log: deps.log,
    }),
  )

  const telegram = deps.config.bot.telegram
  const bot = telegramBotForDeps(deps)
  if (bot && telegram && deps.config.publicUrl) {
    if (telegram.webhookSecret)
      routes.route(
        '/',
        createTelegramWebhook({
          db: deps.db,
          bot,
          token: telegram.token,
          secretToken: telegram.webhookSecret,
          log: deps.log,
        }),
      )
    else deps.log.error('telegram webhook not mounted: set TELEGRAM_WEBHOOK_SECRET in webhook mode')
  }

  const zalo = zaloWebhookForDeps(deps)
  if (zalo) routes.route('/', zalo.routes)

  const agents = agentsWebhookForDeps(deps)
  if (agents) routes.route('/', agents.routes)
  return routes
}
