/**
 * Taps on inline buttons: clarify options, feedback and menu entries. callback_data holds the
 * core's short choice id. The tap is acknowledged first so the button stops spinning.
 * @module
 */
import { Composer } from 'grammy'
import { sendReplies } from '../send-replies.ts'
import type { FeatureDeps } from './feature.types.ts'

export const createCallbackQueryFeature = ({ conversation }: FeatureDeps) => {
  const composer = new Composer()
  composer.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery()
    const chatId = ctx.chat?.id
    if (chatId === undefined) return
    const replies = await conversation.handle({
      channel: 'telegram',
      userId: String(chatId),
      choice: ctx.callbackQuery.data,
    })
    await sendReplies(ctx.api, chatId, replies)
  })
  return composer
}
