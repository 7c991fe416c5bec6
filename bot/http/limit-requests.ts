/**
 * Refuses a request over its limits with 429, a `Retry-After` header and a Vietnamese
 * message. Used by the web chat and `/v1/ask`: every request is counted against its client
 * address (platform/http/client-address.ts) and, when it names one, its session.
 * @module
 */
import type { Context } from 'hono'
import { errorBody } from '../../contracts/errors.ts'
import { clientAddress } from '../../platform/http/client-address.ts'
import { createRequestLimiter } from '../core/rate-limit.ts'

export type LimitRequestsOptions = {
  /** Requests a minute per client address and per session; 0 turns the limit off. */
  perMinute: number
  trustProxyHops: number
  clock?: () => number
}

/** Each returns null to go on, or the 429 response to return. */
export type LimitRequests = {
  byAddress: (c: Context) => Response | null
  bySession: (c: Context, session: string) => Response | null
}

const refuse = (c: Context, wait: number) =>
  c.json(
    errorBody(
      'RATE_LIMITED',
      `Bạn gửi quá nhiều yêu cầu trong một phút. Vui lòng thử lại sau ${wait} giây. Too many requests.`,
    ),
    429,
    { 'Retry-After': String(wait) },
  )

export const createLimitRequests = ({
  perMinute,
  trustProxyHops,
  clock,
}: LimitRequestsOptions): LimitRequests => {
  if (perMinute <= 0) return { byAddress: () => null, bySession: () => null }
  const limiter = createRequestLimiter({ perMinute, ...(clock ? { clock } : {}) })
  const check = (c: Context, key: string) => {
    const wait = limiter.take(key)
    return wait === 0 ? null : refuse(c, wait)
  }
  return {
    byAddress: (c) => check(c, `address:${clientAddress(c, trustProxyHops)}`),
    bySession: (c, session) => check(c, `session:${session}`),
  }
}
