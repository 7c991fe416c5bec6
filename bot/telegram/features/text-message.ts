/**
 * A citizen's question in text: answered by the conversation core.
 * @module
 */
import { Composer } from 'grammy'
import { sendReplies } from '../send-replies.ts'
import type { FeatureDeps } from './feature.types.ts'

export const createTextMessageFeature = ({ conversation }: FeatureDeps) => {
  const composer = new Composer()
  composer.on('message:text', async (ctx) => {
    const replies = await conversation.handle({
      channel: 'telegram',
      userId: String(ctx.chat.id),
      text: ctx.message.text,
    })
    await sendReplies(ctx.api, ctx.chat.id, replies)
  })
  return composer
}
