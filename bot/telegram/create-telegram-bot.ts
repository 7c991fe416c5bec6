/**
 * The Telegram bot: grammY over the conversation core. Features are installed one per file,
 * private chats only, the catch-all last, inside an error boundary that apologises instead
 * of going silent. 429 answers are retried after `retry_after` (auto-retry).
 * @module
 */
import { autoRetry } from '@grammyjs/auto-retry'
import { Bot, type BotError } from 'grammy'
import type { UserFromGetMe } from 'grammy/types'
import type { Logger } from '../../platform/logger.ts'
import type { Conversation } from '../core/handle-message.ts'
import { messages } from '../core/messages.ts'
import { createCallbackQueryFeature } from './features/callback-query.ts'
import { createContactFeature } from './features/contact.ts'
import { createPrivacyFeature } from './features/privacy.ts'
import { createStartFeature } from './features/start.ts'
import { createTextMessageFeature } from './features/text-message.ts'
import { createUnhandledFeature } from './features/unhandled.ts'

export type CreateTelegramBotOptions = {
  token: string
  /** `https://api.telegram.org`, or a local Bot API server / test fake. */
  apiRoot: string
  /** Skips the getMe call at start (tests, benchmarks). */
  botInfo?: UserFromGetMe
  conversation: Conversation
  log: Logger
}

/** Bot commands shown in Telegram's menu, in Vietnamese. */
export const BOT_COMMANDS = [
  { command: 'start', description: 'Bắt đầu' },
  { command: 'help', description: 'Hướng dẫn hỏi thủ tục' },
  { command: 'contact', description: 'Gặp cán bộ hỗ trợ' },
  { command: 'privacy', description: 'Quyền riêng tư' },
]

/**
 * @returns a grammY bot, not started: mount it as a webhook or call `bot.start()`
 * @example createTelegramBot({ token, apiRoot: 'https://api.telegram.org', conversation, log })
 */
export const createTelegramBot = ({
  token,
  apiRoot,
  botInfo,
  conversation,
  log,
}: CreateTelegramBotOptions) => {
  const bot = new Bot(token, { client: { apiRoot }, ...(botInfo ? { botInfo } : {}) })
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }))

  const apologise = async (error: BotError) => {
    log.error('telegram update failed', { updateId: error.ctx.update.update_id, error: String(error.error) })
    const chatId = error.ctx.chat?.id
    if (chatId === undefined) return
    await error.ctx.api.sendMessage(chatId, messages.error).catch((sendError: unknown) => {
      log.error('telegram apology failed', { error: String(sendError) })
    })
  }
  const deps = { conversation, log }
  const privateChats = bot.errorBoundary(apologise).chatType('private')
  privateChats.use(createStartFeature(deps))
  privateChats.use(createContactFeature(deps))
  privateChats.use(createPrivacyFeature(deps))
  privateChats.use(createTextMessageFeature(deps))
  privateChats.use(createCallbackQueryFeature(deps))
  privateChats.use(createUnhandledFeature(deps)) // must be the last handler
  bot.catch((error) => log.error('telegram error outside the boundary', { error: String(error.error) }))
  return bot
}

export type TelegramBot = ReturnType<typeof createTelegramBot>
