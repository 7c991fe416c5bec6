/**
 * One Zalo OA webhook per running app; null when Zalo is not configured.
 * @module
 */
import type { BotDeps } from '../bot-deps.ts'
import { conversationForDeps } from '../core/conversation-for-deps.ts'
import { createZaloClient } from './zalo-client.ts'
import { createZaloWebhook, type ZaloWebhook } from './zalo-webhook.ts'

const built = new WeakMap<BotDeps, ZaloWebhook>()

export const zaloWebhookForDeps = (deps: BotDeps): ZaloWebhook | null => {
  const settings = deps.config.bot.zalo
  if (!settings) return null
  let webhook = built.get(deps)
  if (!webhook) {
    webhook = createZaloWebhook({
      db: deps.db,
      appId: settings.appId,
      oaSecretKey: settings.oaSecretKey,
      client: createZaloClient({ db: deps.db, settings, log: deps.log }),
      conversation: conversationForDeps(deps),
      log: deps.log,
    })
    built.set(deps, webhook)
  }
  return webhook
}
