/**
 * The composition root: every long-lived service of a running app is built here, once, from
 * the settings, database, knowledge base and logger, and handed to the HTTP app
 * (`createApp(services)`) and to the background starters (`startChannels(services)`).
 * Nothing is built on a first request and nothing is cached per module, so two apps composed
 * over one database (two processes, or two tests) share nothing but the database.
 * @module
 */
import { createAgentsWebhook } from '../bot/agents/agents-webhook.ts'
import { createBotTokenSource } from '../bot/agents/bot-token-source.ts'
import { createConnectorClient } from '../bot/agents/connector-client.ts'
import { createOpenIdKeys } from '../bot/agents/openid-keys.ts'
import { createConnectorTokenVerifier } from '../bot/agents/verify-connector-token.ts'
import { createConversation } from '../bot/core/handle-message.ts'
import { createNoticeBoard } from '../bot/core/notice-board.ts'
import { createSharedRateLimiter } from '../bot/core/rate-limit.ts'
import { withNotices } from '../bot/core/with-notices.ts'
import { createConversationReferences, referenceOf } from '../bot/handoff/conversation-references.ts'
import { createDeliverStaffMessage } from '../bot/handoff/deliver-staff-message.ts'
import { createHandoffStore } from '../bot/handoff/handoff-store.ts'
import { withHandoffs } from '../bot/handoff/with-handoffs.ts'
import { createTelegramBot } from '../bot/telegram/create-telegram-bot.ts'
import { createZaloClient } from '../bot/zalo/zalo-client.ts'
import { createZaloWebhook } from '../bot/zalo/zalo-webhook.ts'
import { createCounterDb } from '../knowledge/db/open-counter-db.ts'
import type { AppDeps, AppServices } from './deps.ts'
import { type DocumentsOptions, startDocumentsService } from './documents/documents-service.ts'

export type ComposeServicesOptions = AppDeps & {
  /** overrides for the documents service (tests inject a remote-signing provider or observe PDF jobs) */
  documents?: DocumentsOptions
}

/**
 * @returns every service, built once; `stop()` ends what was started here
 * @example const services = composeServices({ config, db, kb, log }); const app = createApp(services)
 */
export const composeServices = ({
  documents: documentsOptions,
  ...deps
}: ComposeServicesOptions): AppServices => {
  const { config, db, kb, log } = deps
  const { bot } = config

  // one counter connection for every limit counted in the database: chat, hand-off, HTTP requests
  const counters = createCounterDb(db)
  const handoffs = createHandoffStore({ db })
  const core = createConversation({
    db,
    counters,
    answer: (question, context) => kb.answer(question, context),
    getProcedure: (code) => kb.getProcedure(code),
    config: {
      sessionTtlMinutes: bot.sessionTtlMinutes,
      hotline: bot.hotline,
      rateLimit: bot.rateLimit,
      retention: bot.retention,
    },
    log,
  })
  // A citizen asking for a person gets a hand-off ticket; while it is open, staff answer.
  // Staff notices (banner, maintenance) are read from the database, so every process follows them.
  const conversation = withNotices(
    withHandoffs(core, {
      store: handoffs,
      staffHours: bot.staffHours,
      hotline: bot.hotline,
      rateLimit: bot.rateLimit,
      ...(bot.rateLimit.scope === 'database'
        ? {
            limiter: createSharedRateLimiter({
              counters,
              ...bot.rateLimit,
              onError: (error) =>
                log.warn('hand-off rate limit counted in this process: the database did not answer', {
                  error: String(error),
                }),
            }),
          }
        : {}),
      // Teams replies need the Bot Connector: without it, Bot Framework keeps the hotline answer.
      channels: bot.agents ? ['web', 'telegram', 'zalo', 'botframework'] : ['web', 'telegram', 'zalo'],
    }),
    createNoticeBoard({ db }),
    bot.hotline,
  )

  const telegram = bot.telegram
    ? createTelegramBot({ token: bot.telegram.token, apiRoot: bot.telegram.apiRoot, conversation, log })
    : null

  const zaloClient = bot.zalo ? createZaloClient({ db, settings: bot.zalo, log }) : null
  const zalo =
    bot.zalo && zaloClient
      ? {
          client: zaloClient,
          webhook: createZaloWebhook({
            db,
            appId: bot.zalo.appId,
            oaSecretKey: bot.zalo.oaSecretKey,
            client: zaloClient,
            conversation,
            log,
          }),
        }
      : null

  const agentsClient = bot.agents ? createConnectorClient({ tokens: createBotTokenSource(bot.agents) }) : null
  const references = createConversationReferences({ db })
  const agents =
    bot.agents && agentsClient
      ? {
          client: agentsClient,
          webhook: createAgentsWebhook({
            db,
            verify: createConnectorTokenVerifier({
              appId: bot.agents.appId,
              keys: createOpenIdKeys({ metadataUrl: bot.agents.openIdUrl, log }),
            }),
            client: agentsClient,
            conversation,
            log,
            // the conversation reference of a citizen with an open hand-off, so staff replies reach Teams
            onHandled: (activity, userId) => references.remember(userId, referenceOf(activity)),
          }),
        }
      : null

  const deliverStaffMessage = createDeliverStaffMessage({
    db,
    log,
    telegram,
    zalo: zaloClient,
    agents: agentsClient,
  })
  const documents = startDocumentsService(deps, documentsOptions)

  return {
    ...deps,
    conversation,
    handoffs,
    deliverStaffMessage,
    telegram,
    zalo,
    agents,
    counters,
    documents,
    stop: async () => {
      await zalo?.webhook.whenIdle()
      await agents?.webhook.whenIdle()
      await documents.close()
    },
  }
}
