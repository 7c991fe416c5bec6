/**
 * One Bot Framework messaging endpoint and one Bot Connector client per running app; null
 * when MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are not configured. The endpoint keeps the
 * conversation reference of a citizen with an open hand-off, so staff replies reach Teams.
 * @module
 */
import type { BotDeps } from '../bot-deps.ts'
import { conversationForDeps } from '../core/conversation-for-deps.ts'
import { createConversationReferences, referenceOf } from '../handoff/conversation-references.ts'
import { type AgentsWebhook, createAgentsWebhook } from './agents-webhook.ts'
import { createBotTokenSource } from './bot-token-source.ts'
import { type ConnectorClient, createConnectorClient } from './connector-client.ts'
import { createOpenIdKeys } from './openid-keys.ts'
import { createConnectorTokenVerifier } from './verify-connector-token.ts'

const built = new WeakMap<BotDeps, AgentsWebhook>()
const clients = new WeakMap<BotDeps, ConnectorClient>()

export const agentsClientForDeps = (deps: BotDeps): ConnectorClient | null => {
  const settings = deps.config.bot.agents
  if (!settings) return null
  let client = clients.get(deps)
  if (!client) {
    client = createConnectorClient({ tokens: createBotTokenSource(settings) })
    clients.set(deps, client)
  }
  return client
}

export const agentsWebhookForDeps = (deps: BotDeps): AgentsWebhook | null => {
  const settings = deps.config.bot.agents
  if (!settings) return null
  let webhook = built.get(deps)
  if (!webhook) {
    const keys = createOpenIdKeys({ metadataUrl: settings.openIdUrl, log: deps.log })
    const references = createConversationReferences({ db: deps.db })
    webhook = createAgentsWebhook({
      db: deps.db,
      verify: createConnectorTokenVerifier({ appId: settings.appId, keys }),
      client: agentsClientForDeps(deps) as ConnectorClient,
      conversation: conversationForDeps(deps),
      log: deps.log,
      onHandled: (activity, userId) => references.remember(userId, referenceOf(activity)),
    })
    built.set(deps, webhook)
  }
  return webhook
}
