/**
 * `POST /webhooks/telegram`: Telegram's webhook delivery, on the webhook skeleton shared with
 * Zalo and Bot Framework, handled by grammY's own `webhookCallback(bot, 'hono', { secretToken })`.
 * The secret header set with setWebhook is compared in constant time (wrong or missing → 401, nothing processed),
 * malformed bodies get 400, and a slow update still gets its 200 before Telegram's timeout so
 * it is not delivered twice. An update Telegram redelivers anyway (same update_id) is
 * acknowledged without being handled again, whichever process receives it: update ids are
 * recorded in the database (`processed_events`, under the bot's id).
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { webhookCallback } from 'grammy'
import type { Update } from 'grammy/types'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { describeWebhook } from '../../platform/openapi/describe-operation.ts'
import { createSeenEvents } from '../core/seen-events.ts'
import { createWebhookRoute, refuse } from '../http/create-webhook-route.ts'
import type { TelegramBot } from './create-telegram-bot.ts'

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram'
const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token'

/** Constant-time comparison (lengths are hashed away by comparing equal-size digests). */
export const secretMatches = (given: string | undefined, expected: string) => {
  if (given === undefined) return false
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

const isUpdate = (value: unknown): value is Update =>
  typeof value === 'object' &&
  value !== null &&
  Number.isInteger((value as { update_id?: unknown }).update_id)

export type TelegramWebhookOptions = {
  db: Db
  bot: TelegramBot
  /** The bot token; its bot id (before the colon) keeps update ids of different bots apart. */
  token: string
  secretToken: string
  log: Logger
  /** Answer 200 after this long even if the update is still being handled. */
  timeoutMs?: number
}

export const createTelegramWebhook = ({
  db,
  bot,
  token,
  secretToken,
  log,
  timeoutMs = 8000,
}: TelegramWebhookOptions) => {
  let ready: Promise<void> | null = null
  const seen = createSeenEvents({ db, prefix: `telegram:${token.split(':')[0]}:`, log })
  // grammY's own webhook handler runs the update once the skeleton has accepted it; it answers
  // 200 after timeoutMs even if the update is still being handled, so Telegram does not resend it
  const handleUpdate = webhookCallback(bot, 'hono', {
    secretToken,
    onTimeout: 'return',
    timeoutMilliseconds: timeoutMs,
  })
  return createWebhookRoute<Update>({
    path: TELEGRAM_WEBHOOK_PATH,
    operation: describeWebhook({
      summary: 'Webhook của Telegram (X-Telegram-Bot-Api-Secret-Token)',
      body: z.looseObject({ update_id: z.number() }).meta({ description: 'Telegram Update' }),
      errors: [400, 401, 413],
    }),
    maxBytes: 1024 * 1024,
    tooLargeMessage: 'Too large',
    requiredHeader: {
      name: SECRET_HEADER,
      message: 'Secret token is wrong.',
      matches: (given) => {
        const ok = secretMatches(given, secretToken)
        if (!ok) log.warn('telegram webhook rejected: bad secret')
        return ok
      },
    },
    seen,
    verify: async ({ json }) => {
      if (!isUpdate(json)) return refuse(400, 'BAD_REQUEST', 'Not a Telegram update.')
      // before the update id is recorded: an update that arrives while the bot cannot start is resent
      ready ??= bot.init().catch((error: unknown) => {
        ready = null
        throw error
      })
      await ready
      return { event: json, keys: [String(json.update_id)] }
    },
    process: async (c, update) => {
      try {
        return await handleUpdate(c)
      } catch (error) {
        log.error('telegram update failed', { updateId: update.update_id, error: String(error) })
        return undefined
      }
    },
    acknowledge: (c) => c.body(null, 200),
  })
}
