/**
 * The bot's own token for calling the Bot Connector: OAuth 2.0 client credentials at
 * `POST {loginUrl}/{tenant}/oauth2/v2.0/token` (tenant `botframework.com` for a multi-tenant
 * bot, the app's tenant for a single-tenant one) with `scope=https://api.botframework.com/.default`.
 * The token is cached until five minutes before `expires_in` runs out; concurrent callers share
 * one request, and a token the Connector refused can be dropped so the next caller gets a new one.
 * @module
 */
import { z } from 'zod'

export const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default'
const DEFAULT_TENANT = 'botframework.com'
const EARLY_REFRESH_MS = 5 * 60 * 1000

export type BotTokenSource = {
  /** @throws Error when the token service refuses or cannot be reached */
  get: () => Promise<string>
  /** Forgets the token if it is still the cached one (the Connector answered 401 to it). */
  invalidate: (token: string) => void
}

export type BotTokenSourceOptions = {
  appId: string
  appPassword: string
  tenantId: string | null
  loginUrl: string
  clock?: () => number
  timeoutMs?: number
}

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
})
const ZTokenError = z.object({ error: z.string(), error_description: z.string().optional() }).loose()

export const createBotTokenSource = ({
  appId,
  appPassword,
  tenantId,
  loginUrl,
  clock = Date.now,
  timeoutMs = 10_000,
}: BotTokenSourceOptions): BotTokenSource => {
  const url = `${loginUrl.replace(/\/+$/, '')}/${tenantId ?? DEFAULT_TENANT}/oauth2/v2.0/token`
  let cached: { token: string; refreshAt: number } | null = null
  let pending: Promise<string> | null = null

  const request = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: appId,
        client_secret: appPassword,
        scope: BOT_CONNECTOR_SCOPE,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const body = (await response.json().catch(() => null)) as unknown
    const parsed = ZTokenResponse.safeParse(body)
    if (!response.ok || !parsed.success) {
      // Entra's error codes (AADSTS…) say what is wrong; the secret is never part of them.
      const problem = ZTokenError.safeParse(body)
      const detail = problem.success ? `${problem.data.error}: ${problem.data.error_description ?? ''}` : ''
      throw new Error(`bot token request failed: HTTP ${response.status} ${detail.slice(0, 300)}`.trim())
    }
    const lifetimeMs = parsed.data.expires_in * 1000
    cached = {
      token: parsed.data.access_token,
      refreshAt: clock() + lifetimeMs - Math.min(EARLY_REFRESH_MS, lifetimeMs / 2),
    }
    return cached.token
  }

  return {
    async get() {
      if (cached && clock() < cached.refreshAt) return cached.token
      pending ??= request().finally(() => {
        pending = null
      })
      return pending
    },
    invalidate(token) {
      if (cached?.token === token) cached = null
    },
  }
}
