/**
 * Delivers rendered replies to one Zalo user inside the reply window. A message the window
 * does not allow, or Zalo refuses, is stored in `undelivered_messages` and logged (masked),
 * never dropped silently.
 * @module
 */

import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { deliverMessages } from '../core/deliver-messages.ts'
import type { DeliverResult } from '../core/keep-undelivered.ts'
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

export const deliverReplies = ({
  db,
  client,
  window,
  log,
  userId,
  replies,
  clock = Date.now,
}: DeliverRepliesOptions): Promise<DeliverResult> =>
  deliverMessages({
    db,
    log,
    channel: 'zalo',
    recipient: userId,
    messages: renderZaloReplies(replies),
    send: async (message) => {
      const refused = await window.reserveReply(userId)
      if (refused) return refused
      const sent = await client.send(userId, message)
      return sent.ok ? null : `zalo_error ${sent.code}: ${sent.message}`
    },
    keep: (message) => ({ payload: message, text: message.text }),
    clock,
  })
