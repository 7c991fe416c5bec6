/**
 * A slash command the conversation core answers on its own (/contact, /privacy): one feature
 * file each names its command.
 * @module
 */
import { Composer } from 'grammy'
import type { Command } from '../../core/reply.types.ts'
import { sendReplies } from '../send-replies.ts'
import type { FeatureDeps } from './feature.types.ts'

/** @returns the feature factory answering `/command` in the citizen's chat */
export const createCommandFeature =
  (command: Exclude<Command, 'start' | 'help'>) =>
  ({ conversation }: FeatureDeps) => {
    const composer = new Composer()
    composer.command(command, async (ctx) => {
      const replies = await conversation.handle({ channel: 'telegram', userId: String(ctx.chat.id), command })
      await sendReplies(ctx.api, ctx.chat.id, replies)
    })
    return composer
  }
