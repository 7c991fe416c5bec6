/**
 * /contact: how to reach a person (the hotline and the national portal).
 * @module
 */
import { Composer } from 'grammy'
import { sendReplies } from '../send-replies.ts'
import type { FeatureDeps } from './feature.types.ts'

export const createContactFeature = ({ conversation }: FeatureDeps) => {
  const composer = new Composer()
  composer.command('contact', async (ctx) => {
    const replies = await conversation.handle({
      channel: 'telegram',
      userId: String(ctx.chat.id),
      command: 'contact',
    })
    await sendReplies(ctx.api, ctx.chat.id, replies)
  })
  return composer
}
