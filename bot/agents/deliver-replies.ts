/**
 * Delivers rendered replies into the conversation an activity came from, each as a reply to
 * that activity ("Send and receive messages with the Bot Connector API": the inbound
 * conversation, from = its recipient (the bot), recipient = its sender, replyToId = its id,
 * its locale when given). A message the Connector refuses, after its
 * retries, is stored in `undelivered_messages` and logged (masked), never dropped silently.
 * What is stored names no one: the recipient is the same digest of channel + conversation +
 * user id the conversation state is keyed by, and the payload keeps only the message (text,
 * buttons), the channel and the service URL, never the user id, display name, conversation
 * id or tenant.
 * @module
 */

import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { deliverMessages } from '../core/deliver-messages.ts'
import type { DeliverResult } from '../core/keep-undelivered.ts'
import type { Reply } from '../core/reply.types.ts'
import type { Activity, ChannelAccount, OutgoingActivity } from './activity.types.ts'
import type { ConnectorClient } from './connector-client.ts'
import { agentsUserId } from './map-activity.ts'
import { renderAgentsReplies } from './render-replies.ts'

export type DeliverAgentsRepliesOptions = {
  db: Db
  client: ConnectorClient
  log: Logger
  /** The inbound activity being answered. */
  activity: Activity
  replies: Reply[]
  clock?: () => number
}

const account = ({ id, name }: { id: string; name?: string | null }): ChannelAccount =>
  name ? { id, name } : { id }

export const deliverAgentsReplies = async ({
  db,
  client,
  log,
  activity,
  replies,
  clock = Date.now,
}: DeliverAgentsRepliesOptions): Promise<DeliverResult> => {
  const target = {
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation.id,
    replyToId: activity.id ?? null,
  }
  return deliverMessages({
    db,
    log,
    channel: 'botframework',
    recipient: agentsUserId(activity, activity.from.id),
    messages: renderAgentsReplies(replies),
    send: async (message) => {
      const outgoing: OutgoingActivity = {
        type: 'message',
        from: account(activity.recipient),
        recipient: account(activity.from),
        conversation: activity.conversation,
        ...(activity.id ? { replyToId: activity.id } : {}),
        ...(activity.locale ? { locale: activity.locale } : {}),
        ...(message.text ? { text: message.text, textFormat: 'markdown' as const } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
      }
      const sent = await client.send(target, outgoing)
      return sent.ok ? null : `connector ${sent.status}: ${sent.message}`
    },
    keep: (message) => ({
      payload: {
        channelId: activity.channelId,
        serviceUrl: activity.serviceUrl,
        message: {
          ...(message.text ? { text: message.text } : {}),
          ...(message.attachments ? { attachments: message.attachments } : {}),
        },
      },
      text: message.text ?? '',
      context: { channelId: activity.channelId },
    }),
    clock,
  })
}
