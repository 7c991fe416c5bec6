/**
 * A reply a channel could not deliver is kept in `undelivered_messages` and logged with its
 * text masked and cut short, never dropped silently. What is stored names no one beyond the
 * recipient id the channel addresses it to.
 * @module
 */
import type { Db } from '../../knowledge/db/client.ts'
import { undeliveredMessages } from '../../knowledge/db/schema/index.ts'
import { maskPersonalData } from '../../knowledge/text/mask-personal-data.ts'
import type { Logger } from '../../platform/logger.ts'
import type { ChannelName } from './reply.types.ts'

/** How many rendered messages a delivery sent and how many it had to keep. */
export type DeliverResult = { sent: number; undelivered: number }

export type KeepUndeliveredOptions = {
  db: Db
  log: Logger
  channel: ChannelName
  recipient: string
  /** what would have been sent (no personal data beyond the message itself) */
  payload: unknown
  reason: string
  /** the message's text, logged masked */
  text: string
  /** channel facts for the log line (never a user id or name) */
  context?: Record<string, unknown>
  at: number
}

export const keepUndelivered = async ({
  db,
  log,
  channel,
  recipient,
  payload,
  reason,
  text,
  context = {},
  at,
}: KeepUndeliveredOptions) => {
  await db.insert(undeliveredMessages).values({ channel, recipient, payload, reason, createdAt: at })
  log.warn(`${channel} message not delivered`, {
    reason,
    ...context,
    text: maskPersonalData(text).text.slice(0, 200),
  })
}
