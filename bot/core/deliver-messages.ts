/**
 * Sends a channel's rendered messages one at a time. A message the channel does not send
 * is kept in `undelivered_messages` and logged (masked), never dropped silently, and the
 * rest are still tried.
 * @module
 */
import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { type DeliverResult, keepUndelivered } from './keep-undelivered.ts'
import type { ChannelName } from './reply.types.ts'

export type DeliverMessagesOptions<M> = {
  db: Db
  log: Logger
  channel: ChannelName
  /** who a kept message was for, as `undelivered_messages` stores it */
  recipient: string
  messages: M[]
  /** sends one message: null once the channel took it, otherwise why it did not */
  send: (message: M) => Promise<string | null>
  /** what is kept of a message that was not sent, and the facts logged with it */
  keep: (message: M) => { payload: unknown; text: string; context?: Record<string, unknown> }
  clock?: () => number
}

export const deliverMessages = async <M>({
  db,
  log,
  channel,
  recipient,
  messages,
  send,
  keep,
  clock = Date.now,
}: DeliverMessagesOptions<M>): Promise<DeliverResult> => {
  const result: DeliverResult = { sent: 0, undelivered: 0 }
  for (const message of messages) {
    const reason = await send(message)
    if (reason === null) {
      result.sent += 1
      continue
    }
    result.undelivered += 1
    await keepUndelivered({ db, log, channel, recipient, reason, ...keep(message), at: clock() })
  }
  return result
}
