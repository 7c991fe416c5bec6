/**
 * Sends rendered replies to one chat, in order (Telegram keeps one chat's messages in the
 * order they were sent only if we wait for each).
 * @module
 */
import type { Api } from 'grammy'
import type { Reply } from '../core/reply.types.ts'
import { renderReplies } from './render-replies.ts'

export const sendReplies = async (api: Api, chatId: number | string, replies: Reply[]) => {
  for (const message of renderReplies(replies)) {
    await api.sendMessage(chatId, message.text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
    })
  }
}
