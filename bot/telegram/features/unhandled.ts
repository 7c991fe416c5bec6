/**
 * Everything else: stickers, photos, voice, files get a polite "text only, please"; other
 * updates (edits, reactions, stale button types) are ignored. Must be installed last.
 * @module
 */
import { Composer } from 'grammy'
import { messages } from '../../core/messages.ts'
import type { FeatureDeps } from './feature.types.ts'

export const createUnhandledFeature = (_deps: FeatureDeps) => {
  const composer = new Composer()
  composer.on('message', async (ctx) => {
    await ctx.api.sendMessage(ctx.chat.id, messages.nonText)
  })
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery())
  return composer
}
