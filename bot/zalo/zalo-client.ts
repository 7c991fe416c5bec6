/**
 * Sends customer-service messages through the Zalo OA Open API
 * (`POST {apiBase}/v3.0/oa/message/cs`, header `access_token`). When Zalo answers -216 (the
 * access token expired) it refreshes the token (`POST {oauthBase}/v4/oa/access_token`,
 * header `secret_key`), stores the new pair in `channel_tokens` (the refresh token is
 * replaced too) and retries the send once. Refreshes are single-flight per process, and a
 * token another process already refreshed is picked up from the database.
 * @module
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import { channelTokens } from '../../knowledge/db/schema/index.ts'
import type { Logger } from '../../platform/logger.ts'
import type { ZaloMessage } from './render-replies.ts'

export type ZaloSettings = {
  appId: string
  appSecret: string
  accessToken: string
  refreshToken: string
  apiBase: string
  oauthBase: string
}

export type SendResult = { ok: true; messageId: string | null } | { ok: false; code: number; message: string }

export type ZaloClient = { send: (userId: string, message: ZaloMessage) => Promise<SendResult> }

const TOKEN_EXPIRED = -216
const TOKEN_ROW = 'zalo'

const ZSendResponse = z.object({
  error: z.number(),
  message: z.string().optional(),
  data: z.object({ message_id: z.string().optional() }).loose().optional(),
})
const ZRefreshResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().optional(),
})

type Tokens = { accessToken: string; refreshToken: string }

export const createZaloClient = ({
  db,
  settings,
  log,
  clock = Date.now,
  timeoutMs = 10_000,
}: {
  db: Db
  settings: ZaloSettings
  log: Logger
  clock?: () => number
  timeoutMs?: number
}): ZaloClient => {
  let refreshing: Promise<Tokens | null> | null = null

  const loadTokens = async (): Promise<Tokens> => {
    const [row] = await db.select().from(channelTokens).where(eq(channelTokens.channel, TOKEN_ROW)).limit(1)
    return row
      ? { accessToken: row.accessToken, refreshToken: row.refreshToken }
      : { accessToken: settings.accessToken, refreshToken: settings.refreshToken }
  }

  const post = async (url: string, init: RequestInit) => {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    return (await response.json()) as unknown
  }

  const refresh = async (expired: Tokens): Promise<Tokens | null> => {
    const current = await loadTokens()
    if (current.accessToken !== expired.accessToken) return current
    const body = await post(`${settings.oauthBase}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: settings.appSecret },
      body: new URLSearchParams({
        app_id: settings.appId,
        grant_type: 'refresh_token',
        refresh_token: current.refreshToken,
      }),
    })
    const parsed = ZRefreshResponse.safeParse(body)
    if (!parsed.success) {
      log.error('zalo token refresh failed', { response: JSON.stringify(body).slice(0, 300) })
      return null
    }
    const at = clock()
    const row = {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: parsed.data.expires_in ? at + parsed.data.expires_in * 1000 : null,
      updatedAt: at,
    }
    await db
      .insert(channelTokens)
      .values({ channel: TOKEN_ROW, ...row })
      .onConflictDoUpdate({ target: channelTokens.channel, set: row })
    log.info('zalo access token refreshed')
    return { accessToken: row.accessToken, refreshToken: row.refreshToken }
  }

  const refreshOnce = (expired: Tokens) => {
    refreshing ??= refresh(expired).finally(() => {
      refreshing = null
    })
    return refreshing
  }

  const sendWith = async (accessToken: string, userId: string, message: ZaloMessage): Promise<SendResult> => {
    const body = await post(`${settings.apiBase}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: accessToken },
      body: JSON.stringify({ recipient: { user_id: userId }, message }),
    })
    const parsed = ZSendResponse.safeParse(body)
    if (!parsed.success) return { ok: false, code: -1, message: 'unexpected response from Zalo' }
    if (parsed.data.error !== 0)
      return { ok: false, code: parsed.data.error, message: parsed.data.message ?? 'Zalo error' }
    return { ok: true, messageId: parsed.data.data?.message_id ?? null }
  }

  return {
    async send(userId, message) {
      try {
        const tokens = await loadTokens()
        const first = await sendWith(tokens.accessToken, userId, message)
        if (first.ok || first.code !== TOKEN_EXPIRED) return first
        const fresh = await refreshOnce(tokens)
        if (!fresh) return first
        return await sendWith(fresh.accessToken, userId, message)
      } catch (error) {
        return { ok: false, code: -1, message: error instanceof Error ? error.message : String(error) }
      }
    },
  }
}
