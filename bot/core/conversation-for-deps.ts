/**
 * One conversation per running app: the web API and every channel share it (and its rate
 * limiter and the staff's notices). Built lazily from the app's dependencies, never at import.
 * @module
 */
import type { BotDeps } from '../bot-deps.ts'
import { handoffsForDeps } from '../handoff/handoffs-for-deps.ts'
import { withHandoffs } from '../handoff/with-handoffs.ts'
import { type Conversation, createConversation } from './handle-message.ts'
import { createNoticeBoard } from './notice-board.ts'
import { createSharedRateLimiter } from './rate-limit.ts'
import { withNotices } from './with-notices.ts'

const built = new WeakMap<BotDeps, Conversation>()

/** @returns the conversation over deps.db and deps.kb, created on first use */
export const conversationForDeps = (deps: BotDeps): Conversation => {
  let conversation = built.get(deps)
  if (!conversation) {
    const { config, db, kb, log } = deps
    const core = createConversation({
      db,
      answer: (question, context) => kb.answer(question, context),
      getProcedure: (code) => kb.getProcedure(code),
      config: {
        sessionTtlMinutes: config.bot.sessionTtlMinutes,
        hotline: config.bot.hotline,
        rateLimit: config.bot.rateLimit,
        retention: config.bot.retention,
      },
      log,
    })
    // Staff notices (banner, maintenance) are read from the database, so every process follows them.
    // A citizen asking for a person gets a hand-off ticket; while it is open, staff answer.
    const handedOff = withHandoffs(core, {
      store: handoffsForDeps(deps),
      staffHours: config.bot.staffHours,
      hotline: config.bot.hotline,
      rateLimit: config.bot.rateLimit,
      ...(config.bot.rateLimit.scope === 'database'
        ? {
            limiter: createSharedRateLimiter({
              db,
              ...config.bot.rateLimit,
              onError: (error) =>
                log.warn('hand-off rate limit counted in this process: the database did not answer', {
                  error: String(error),
                }),
            }),
          }
        : {}),
      // Teams replies need the Bot Connector: without it, Bot Framework keeps the hotline answer.
      channels: config.bot.agents ? ['web', 'telegram', 'zalo', 'botframework'] : ['web', 'telegram', 'zalo'],
    })
    conversation = withNotices(handedOff, createNoticeBoard({ db }), config.bot.hotline)
    built.set(deps, conversation)
  }
  return conversation
}
