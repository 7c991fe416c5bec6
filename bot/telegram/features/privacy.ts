/**
 * /privacy: what the bot keeps and what it masks.
 * @module
 */
import { Composer } from 'grammy'
import { sendReplies } from '../send-replies.ts'
import type { FeatureDeps } from './feature.types.ts'

export const createPrivacyFeature = ({ conversation }: FeatureDeps) => {
  const composer = new Composer()
  composer.command('privacy', async (ctx) => {
    const replies = await conversation.handle({
      channel: 'telegram',
      userId: String(ctx.chat.id),
      command: 'privacy',
    })
    await sendReplies(ctx.api, ctx.chat.id, replies)
  })
  return composer
}
