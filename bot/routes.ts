/**
 * Citizens' chat over HTTP: the web chat page and its JSON API, the Telegram webhook (when a
 * PUBLIC_URL is configured), the Zalo OA webhook (when Zalo is configured) and the Bot
 * Framework messaging endpoint `/api/messages` (when a Microsoft App ID is configured), all
 * over the one conversation of the app's chat services (built by the composition root).
 * @module
 */
import { Hono } from 'hono'
import type { ChatServices } from './bot-deps.ts'
import { createTelegramWebhook } from './telegram/telegram-webhook.ts'
import { createWebChatRoutes } from './web/web-chat-routes.ts'

export const createChatRoutes = (deps: ChatServices) => {
  const routes = new Hono()
  routes.route(
    '/',
    createWebChatRoutes({
      conversation: deps.conversation,
      perMinute: deps.config.rateLimits.chatPerMinute,
      scope: deps.config.rateLimits.scope,
      counters: deps.counters,
      trustProxyHops: deps.config.trustProxyHops,
      log: deps.log,
    }),
  )

  const telegram = deps.config.bot.telegram
  const bot = deps.telegram
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

  if (deps.zalo) routes.route('/', deps.zalo.webhook.routes)
  if (deps.agents) routes.route('/', deps.agents.webhook.routes)
  return routes
}
