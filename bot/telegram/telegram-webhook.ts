/**
 * `POST /webhooks/telegram`: Telegram's webhook delivery. The secret header set with
 * setWebhook is compared in constant time (wrong or missing → 401, nothing processed),
 * malformed bodies get 400, and a slow update still gets its 200 before Telegram's timeout so
 * it is not delivered twice. An update Telegram redelivers anyway (same update_id) is
 * acknowledged without being handled again, whichever process receives it: update ids are
 * recorded in the database (`processed_events`, under the bot's id).
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Update } from 'grammy/types'
import { Hono } from 'hono'
import type { Logger } from '../../api/logger.ts'
import { limitBodySize } from '../../api/middlewares/limit-body.ts'
import type { Db } from '../../knowledge/db/client.ts'
import { createSeenEvents } from '../core/seen-events.ts'
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
  return new Hono().post(
    TELEGRAM_WEBHOOK_PATH,
    limitBodySize({
      maxSize: 1024 * 1024,
      onError: (c) => c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Too large' } }, 413),
    }),
    async function telegramWebhook(c) {
      if (!secretMatches(c.req.header(SECRET_HEADER), secretToken)) {
        log.warn('telegram webhook rejected: bad secret')
        return c.json({ error: { code: 'UNAUTHORIZED', message: 'Secret token is wrong.' } }, 401)
      }
      let update: unknown
      try {
        update = JSON.parse(await c.req.text())
      } catch {
        return c.json({ error: { code: 'BAD_REQUEST', message: 'Malformed JSON body.' } }, 400)
      }
      if (!isUpdate(update))
        return c.json({ error: { code: 'BAD_REQUEST', message: 'Not a Telegram update.' } }, 400)
      ready ??= bot.init().catch((error: unknown) => {
        ready = null
        throw error
      })
      await ready
      if (!(await seen.firstTime(String(update.update_id)))) return c.body(null, 200)
      let timer: NodeJS.Timeout | undefined
      const handled = bot.handleUpdate(update).catch((error: unknown) => {
        log.error('telegram update failed', { updateId: update.update_id, error: String(error) })
      })
      await Promise.race([handled, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))])
      clearTimeout(timer)
      return c.body(null, 200)
    },
  )
}
