/**
 * One Bot Framework messaging endpoint per running app; null when MICROSOFT_APP_ID and
 * MICROSOFT_APP_PASSWORD are not configured.
 * @module
 */
import type { AppDeps } from '../../api/deps.ts'
import { conversationForDeps } from '../core/conversation-for-deps.ts'
import { type AgentsWebhook, createAgentsWebhook } from './agents-webhook.ts'
import { createBotTokenSource } from './bot-token-source.ts'
import { createConnectorClient } from './connector-client.ts'
import { createOpenIdKeys } from './openid-keys.ts'
import { createConnectorTokenVerifier } from './verify-connector-token.ts'

const built = new WeakMap<AppDeps, AgentsWebhook>()

export const agentsWebhookForDeps = (deps: AppDeps): AgentsWebhook | null => {
  const settings = deps.config.bot.agents
  if (!settings) return null
  let webhook = built.get(deps)
  if (!webhook) {
    const keys = createOpenIdKeys({ metadataUrl: settings.openIdUrl, log: deps.log })
    const tokens = createBotTokenSource(settings)
    webhook = createAgentsWebhook({
      db: deps.db,
      verify: createConnectorTokenVerifier({ appId: settings.appId, keys }),
      client: createConnectorClient({ tokens }),
      conversation: conversationForDeps(deps),
      log: deps.log,
    })
    built.set(deps, webhook)
  }
  return webhook
}
