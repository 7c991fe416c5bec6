/**
 * Refuses a request over its limits with 429, a `Retry-After` header and a Vietnamese
 * message. Used by the web chat and `/v1/ask`: every request is counted against its client
 * address (platform/http/client-address.ts) and, when it names one, its session. Counted in
 * the database by default (`RATE_LIMIT_SCOPE=database`), so several processes serving the
 * app enforce one limit between them; or in this process's memory (`process`).
 * @module
 */
import type { Context } from 'hono'
import { errorBody } from '../../contracts/errors.ts'
import type { CounterDb } from '../../knowledge/db/open-counter-db.ts'
import { clientAddress } from '../../platform/http/client-address.ts'
import type { Logger } from '../../platform/logger.ts'
import {
  createRequestLimiter,
  createSharedRequestLimiter,
  type RateLimitScope,
  type RequestLimiter,
} from '../core/rate-limit.ts'

export type LimitRequestsOptions = {
  /** Which limit this is (`ask`, `chat`): each has its own buckets. */
  name: string
  /** Requests a minute per client address and per session; 0 turns the limit off. */
  perMinute: number
  trustProxyHops: number
  scope: RateLimitScope
  /** the app's counters, where `database` scope counts */
  counters: CounterDb
  log?: Logger
  clock?: () => number
}

/** Each resolves to null to go on, or to the 429 response to return. */
export type LimitRequests = {
  byAddress: (c: Context) => Promise<Response | null>
  bySession: (c: Context, session: string) => Promise<Response | null>
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

/** A failing database is logged at most once a minute, not once per request. */
const QUIET_MS = 60_000

export const createLimitRequests = ({
  name,
  perMinute,
  trustProxyHops,
  scope,
  counters,
  log,
  clock = Date.now,
}: LimitRequestsOptions): LimitRequests => {
  if (perMinute <= 0) return { byAddress: async () => null, bySession: async () => null }
  let loggedAt = Number.NEGATIVE_INFINITY
  const onError = (error: unknown) => {
    if (clock() - loggedAt < QUIET_MS) return
    loggedAt = clock()
    log?.warn('request limit counted in this process: the database did not answer', {
      limit: name,
      error: String(error),
    })
  }
  const limiter: RequestLimiter =
    scope === 'database'
      ? createSharedRequestLimiter({ counters, perMinute, clock, onError })
      : createRequestLimiter({ perMinute, clock })
  const check = async (c: Context, key: string) => {
    const wait = await limiter.take(`${name}:${key}`)
    return wait === 0 ? null : refuse(c, wait)
  }
  return {
    byAddress: (c) => check(c, `address:${clientAddress(c, trustProxyHops)}`),
    bySession: (c, session) => check(c, `session:${session}`),
  }
}
