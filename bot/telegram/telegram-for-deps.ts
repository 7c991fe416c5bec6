/**
 * One Telegram bot per running app, shared by the webhook route and the long-polling
 * starter; null when no TELEGRAM_BOT_TOKEN is configured.
 * @module
 */
import type { BotDeps } from '../bot-deps.ts'
import { conversationForDeps } from '../core/conversation-for-deps.ts'
import { createTelegramBot, type TelegramBot } from './create-telegram-bot.ts'

const built = new WeakMap<BotDeps, TelegramBot>()

export const telegramBotForDeps = (deps: BotDeps): TelegramBot | null => {
  const settings = deps.config.bot.telegram
  if (!settings) return null
  let bot = built.get(deps)
  if (!bot) {
    bot = createTelegramBot({
      token: settings.token,
      apiRoot: settings.apiRoot,
      conversation: conversationForDeps(deps),
      log: deps.log,
    })
    built.set(deps, bot)
  }
  return bot
}
