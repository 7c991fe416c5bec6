/**
 * Sends activities through the Bot Connector REST API: a reply is
 * `POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}` (without a
 * replyToId, `…/activities`) with the bot's bearer token. 429 and 503 are retried once after
 * `Retry-After` (seconds or an HTTP date, capped), and a 401 drops the token and retries once
 * with a fresh one. The result says what happened; it never throws.
 * @module
 */
import type { OutgoingActivity } from './activity.types.ts'
import type { BotTokenSource } from './bot-token-source.ts'

export type ConnectorTarget = { serviceUrl: string; conversationId: string; replyToId: string | null }

export type SendOutcome = { ok: true; id: string | null } | { ok: false; status: number; message: string }

export type ConnectorClient = {
  send: (target: ConnectorTarget, activity: OutgoingActivity) => Promise<SendOutcome>
}

export type ConnectorClientOptions = {
  tokens: BotTokenSource
  /** Longest wait a Retry-After may ask for (longer ones are cut to this). */
  maxRetryAfterMs?: number
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  clock?: () => number
}

const DEFAULT_RETRY_AFTER_MS = 1000

/** @returns how long Retry-After asks to wait, between 0 and `max` */
export const retryAfterMs = (header: string | null, max: number, now: number): number => {
  const value = header?.trim() ?? ''
  let ms = DEFAULT_RETRY_AFTER_MS
  if (/^\d+$/.test(value)) ms = Number(value) * 1000
  else if (value && !Number.isNaN(Date.parse(value))) ms = Date.parse(value) - now
  return Math.min(Math.max(ms, 0), max)
}

/** @returns the activities URL for a target; path segments are percent-encoded */
export const activitiesUrl = ({ serviceUrl, conversationId, replyToId }: ConnectorTarget) =>
  `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities` +
  (replyToId ? `/${encodeURIComponent(replyToId)}` : '')

const errorMessage = async (response: Response) => {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string }; message?: string }
    const message = [body.error?.code, body.error?.message ?? body.message].filter(Boolean).join(': ')
    if (message) return message.slice(0, 300)
  } catch {}
  return text.slice(0, 300) || response.statusText
}

export const createConnectorClient = ({
  tokens,
  maxRetryAfterMs = 10_000,
  timeoutMs = 15_000,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock = Date.now,
}: ConnectorClientOptions): ConnectorClient => ({
  async send(target, activity) {
    const url = activitiesUrl(target)
    const body = JSON.stringify(activity)
    let retried = false
    let refreshed = false
    try {
      let token = await tokens.get()
      for (;;) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
        if (response.ok) {
          const sent = (await response.json().catch(() => null)) as { id?: unknown } | null
          return { ok: true, id: typeof sent?.id === 'string' ? sent.id : null }
        }
        if ((response.status === 429 || response.status === 503) && !retried) {
          retried = true
          await response.body?.cancel()
          await sleep(retryAfterMs(response.headers.get('retry-after'), maxRetryAfterMs, clock()))
          continue
        }
        if (response.status === 401 && !refreshed) {
          refreshed = true
          await response.body?.cancel()
          tokens.invalidate(token)
          token = await tokens.get()
          continue
        }
        return { ok: false, status: response.status, message: await errorMessage(response) }
      }
    } catch (error) {
      return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) }
    }
  },
})
