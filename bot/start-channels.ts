/**
 * Starts the chat channels that need a process of their own (Telegram long polling when no
 * public URL is configured) or a registration (the Telegram webhook with its secret when
 * there is one), and the background pruning of chat data past its retention. Webhook routes
 * are mounted by bot/routes.ts; both receive the channels the composition root built. With
 * several processes (`WORKERS`) only one of them, the leader, polls or registers Telegram and
 * prunes: two getUpdates callers conflict (409), and one pruning run is enough for the shared
 * database.
 * @module
 */
import type { ChatServices } from './bot-deps.ts'
import { startRetention } from './core/start-retention.ts'
import { BOT_COMMANDS } from './telegram/create-telegram-bot.ts'
import { TELEGRAM_WEBHOOK_PATH } from './telegram/telegram-webhook.ts'

export type RunningChannels = { stop: () => Promise<void> }

export type StartChannelsOptions = {
  /**
   * Whether this process runs what must run once per deployment: Telegram long polling or
   * webhook registration, and retention pruning. True for a single process; with several,
   * only for one of them.
   */
  leader?: boolean
}

/** @returns what was started; `stop()` ends polling and retention (the services stop themselves) */
export const startChannels = async (
  deps: ChatServices,
  { leader = true }: StartChannelsOptions = {},
): Promise<RunningChannels> => {
  const { config, log } = deps
  const retention = leader ? startRetention({ db: deps.db, log, retention: config.bot.retention }) : null
  const bot = leader ? deps.telegram : null
  const settings = config.bot.telegram
  let polling: Promise<void> | null = null
  // Registration runs in the background: Telegram being unreachable (auto-retry backs off)
  // must not keep the API and the web chat from starting.
  let registration: Promise<unknown> = Promise.resolve()
  if (bot && settings) {
    const commands = bot.api.setMyCommands(BOT_COMMANDS).catch((error: unknown) => {
      log.warn('telegram setMyCommands failed', { error: String(error) })
    })
    registration = commands
    if (config.publicUrl) {
      if (settings.webhookSecret) {
        const url = new URL(TELEGRAM_WEBHOOK_PATH, config.publicUrl).toString()
        registration = Promise.all([
          commands,
          bot.api
            .setWebhook(url, {
              secret_token: settings.webhookSecret,
              allowed_updates: ['message', 'callback_query'],
            })
            .then(
              () => log.info('telegram webhook registered', { url }),
              (error: unknown) => log.error('telegram setWebhook failed', { url, error: String(error) }),
            ),
        ])
      }
    } else {
      polling = bot.start({
        allowed_updates: ['message', 'callback_query'],
        onStart: (info) => log.info('telegram long polling started', { bot: info.username }),
      })
      polling.catch((error: unknown) => log.error('telegram polling stopped', { error: String(error) }))
    }
  }
  return {
    stop: async () => {
      // Let a pending registration finish, but never hold shutdown for long.
      await Promise.race([registration, new Promise((resolve) => setTimeout(resolve, 3000).unref())])
      if (polling && bot) {
        await bot.stop()
        await polling.catch(() => {})
      }
      await retention?.stop()
    },
  }
}
