/**
 * Delivers rendered replies to one Zalo user inside the reply window. A message the window
 * does not allow, or Zalo refuses, is stored in `undelivered_messages` and logged (masked),
 * never dropped silently.
 * @module
 */

import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { type DeliverResult, keepUndelivered } from '../core/keep-undelivered.ts'
import type { Reply } from '../core/reply.types.ts'
import { renderZaloReplies } from './render-replies.ts'
import type { ReplyWindow } from './reply-window.ts'
import type { ZaloClient } from './zalo-client.ts'

export type DeliverRepliesOptions = {
  db: Db
  client: ZaloClient
  window: ReplyWindow
  log: Logger
  userId: string
  replies: Reply[]
  clock?: () => number
}

export const deliverReplies = async ({
  db,
  client,
  window,
  log,
  userId,
  replies,
  clock = Date.now,
}: DeliverRepliesOptions): Promise<DeliverResult> => {
  const result: DeliverResult = { sent: 0, undelivered: 0 }
  for (const message of renderZaloReplies(replies)) {
    const refused = await window.reserveReply(userId)
    let reason: string | null = refused
    if (!refused) {
      const sent = await client.send(userId, message)
      if (sent.ok) {
        result.sent += 1
        continue
      }
      reason = `zalo_error ${sent.code}: ${sent.message}`
    }
    result.undelivered += 1
    await keepUndelivered({
      db,
      log,
      channel: 'zalo',
      recipient: userId,
      payload: message,
      reason: reason ?? 'unknown',
      text: message.text,
      at: clock(),
    })
  }
  return result
}
