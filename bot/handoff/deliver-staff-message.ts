/**
 * Takes a staff message to the citizen on their channel: the web chat shows it from the
 * ticket (history and live polling); Telegram through the bot's API; Zalo through the OA
 * client inside its free reply window (otherwise kept as undelivered); Bot Framework (Teams)
 * through the Bot Connector into the conversation whose reference the open ticket keeps.
 * @module
 */
import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import type { ConnectorClient } from '../agents/connector-client.ts'
import { renderAgentsReplies } from '../agents/render-replies.ts'
import type { ChannelName } from '../core/reply.types.ts'
import type { TelegramBot } from '../telegram/create-telegram-bot.ts'
import { sendReplies } from '../telegram/send-replies.ts'
import { deliverReplies } from '../zalo/deliver-replies.ts'
import { createReplyWindow } from '../zalo/reply-window.ts'
import type { ZaloClient } from '../zalo/zalo-client.ts'
import { createConversationReferences } from './conversation-references.ts'

export type DeliverStaffMessage = (target: {
  channel: ChannelName
  userId: string
  text: string
}) => Promise<boolean>

export type DeliverStaffMessageOptions = {
  db: Db
  log: Logger
  /** the app's Telegram bot; null when Telegram is not configured */
  telegram: TelegramBot | null
  /** the app's Zalo OA client; null when Zalo is not configured */
  zalo: ZaloClient | null
  /** the app's Bot Connector client; null when Bot Framework is not configured */
  agents: ConnectorClient | null
}

export const createDeliverStaffMessage = ({
  db,
  log,
  telegram,
  zalo: zaloClient,
  agents: client,
}: DeliverStaffMessageOptions): DeliverStaffMessage => {
  const zalo = zaloClient ? { client: zaloClient, window: createReplyWindow({ db }) } : null
  const references = createConversationReferences({ db })
  return async ({ channel, userId, text }) => {
    const replies = [{ type: 'text' as const, text }]
    try {
      switch (channel) {
        case 'web':
          return true
        case 'telegram': {
          if (!telegram) return false
          await sendReplies(telegram.api, userId, replies)
          return true
        }
        case 'zalo': {
          if (!zalo) return false
          const result = await deliverReplies({ db, log, userId, replies, ...zalo })
          return result.undelivered === 0
        }
        case 'botframework': {
          const reference = client ? await references.read(userId) : null
          if (!client || !reference) return false
          const target = {
            serviceUrl: reference.serviceUrl,
            conversationId: reference.conversation.id,
            replyToId: null,
          }
          for (const message of renderAgentsReplies(replies)) {
            const sent = await client.send(target, {
              type: 'message',
              from: reference.bot,
              recipient: reference.user,
              conversation: reference.conversation,
              ...(reference.locale ? { locale: reference.locale } : {}),
              ...(message.text ? { text: message.text, textFormat: 'markdown' as const } : {}),
            })
            if (!sent.ok) {
              log.warn('handoff message not delivered', { channel, status: sent.status })
              return false
            }
          }
          return true
        }
      }
    } catch (error) {
      log.warn('handoff message not delivered', { channel, error: String(error) })
      return false
    }
  }
}
