/**
 * /start and /help: the welcome text with examples and the menu.
 * @module
 */
import { Composer } from 'grammy'
import { sendReplies } from '../send-replies.ts'
import type { FeatureDeps } from './feature.types.ts'

export const createStartFeature = ({ conversation }: FeatureDeps) => {
  const composer = new Composer()
  composer.command(['start', 'help'], async (ctx) => {
    const command = ctx.message?.text?.startsWith('/help') ? 'help' : 'start'
    await sendReplies(
      ctx.api,
      ctx.chat.id,
      await conversation.handle({ channel: 'telegram', userId: String(ctx.chat.id), command }),
    )
  })
  return composer
}
