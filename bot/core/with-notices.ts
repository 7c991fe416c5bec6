/**
 * Wraps the conversation with the staff's notices: in maintenance mode a channel gets only
 * the notice and the hotline (nothing is answered or stored); a banner is added before every
 * reply on its channels.
 * @module
 */
import type { Conversation } from './handle-message.ts'
import { messages } from './messages.ts'
import type { NoticeBoard } from './notice-board.ts'

export const withNotices = (
  conversation: Conversation,
  board: NoticeBoard,
  hotline: string,
): Conversation => ({
  ...conversation,
  handle: async (incoming) => {
    const { banners, maintenance } = await board.active(incoming.channel)
    if (maintenance) return [{ type: 'text', text: messages.maintenance(maintenance.text, hotline) }]
    const replies = await conversation.handle(incoming)
    if (banners.length === 0 || replies.length === 0) return replies
    return [{ type: 'text', text: banners.map((b) => `📢 ${b.text}`).join('\n') }, ...replies]
  },
})
