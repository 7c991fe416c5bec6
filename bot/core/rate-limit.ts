/**
 * Token buckets. Per user for incoming chat messages: a citizen may send a short burst, then
 * about one message every few seconds; a flooding user is told once to slow down and is not
 * answered; other users are unaffected. Per client address and session for HTTP requests
 * (`/v1/ask`, the web chat), answered with how long to wait. Each kind is kept in libSQL by
 * default, one atomic statement per message or request, so every process serving the app
 * draws from the same bucket; or in memory, each process limiting what it serves.
 * @module
 */
import { createHash } from 'node:crypto'
import type { Row } from '@libsql/client'
import { sql } from 'drizzle-orm'
import type { CounterDb, CounterStatement } from '../../knowledge/db/open-counter-db.ts'

/** Where buckets live: `database` (shared by every process over one database) or `process`. */
export type RateLimitScope = 'database' | 'process'

export type RateLimitOptions = {
  /** Messages allowed in a burst. */
  burst: number
  /** Tokens added per minute. */
  perMinute: number
  clock?: () => number
  /** Buckets kept at most; the least recently used are dropped first. */
  maxUsers?: number
}

/** `allowed`: answer it; `warn`: first refusal, say "slow down"; `drop`: refused again, stay quiet. */
export type RateDecision = 'allowed' | 'warn' | 'drop'

type Bucket = { tokens: number; at: number; warned: boolean }

/**
 * In-memory buckets by key, least recently used first: each use refills its bucket up to `capacity`
 * (`perMinute` tokens a minute) and moves it last; past `maxKeys` the least recently used is dropped.
 * @returns the key's bucket, refilled at `now`
 */
const createBuckets = <B extends { tokens: number; at: number }>({
  capacity,
  perMinute,
  maxKeys,
  fresh,
}: {
  capacity: number
  perMinute: number
  maxKeys: number
  fresh: (now: number) => B
}) => {
  const buckets = new Map<string, B>()
  const perMs = perMinute / 60_000
  return (key: string, now: number): B => {
    const bucket = buckets.get(key) ?? fresh(now)
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs)
    bucket.at = now
    // Re-insert so Map order is least-recently-used first.
    buckets.delete(key)
    buckets.set(key, bucket)
    if (buckets.size > maxKeys) {
      const oldest = buckets.keys().next().value
      if (oldest !== undefined) buckets.delete(oldest)
    }
    return bucket
  }
}

export type RateLimiter = { take: (key: string) => RateDecision | Promise<RateDecision> }

export const createRateLimiter = ({
  burst,
  perMinute,
  clock = Date.now,
  maxUsers = 50_000,
}: RateLimitOptions): RateLimiter => {
  const refilled = createBuckets<Bucket>({
    capacity: burst,
    perMinute,
    maxKeys: maxUsers,
    fresh: (now) => ({ tokens: burst, at: now, warned: false }),
  })
  return {
    take(key) {
      const bucket = refilled(key, clock())
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        bucket.warned = false
        return 'allowed'
      }
      if (bucket.warned) return 'drop'
      bucket.warned = true
      return 'warn'
    },
  }
}

/** Buckets untouched this long are full again: their rows can go. */
export const STALE_MS = 24 * 60 * 60_000
/** After the database failed to count, this process counts alone for this long before trying again. */
export const FALLBACK_MS = 1000

/** A table of bucket rows: rows untouched for `staleMs` are full buckets, deleted every `purgeEvery` counts. */
type BucketTable = { table: string; staleMs: number; purgeEvery: number }

const MESSAGE_BUCKETS: BucketTable = { table: 'chat_rate_limits', staleMs: STALE_MS, purgeEvery: 5000 }

/** What a limit counted in the database needs, whichever limit it is. */
type SharedCounting = {
  /** the app's counters (createCounterDb, built once by the composition root) */
  counters: CounterDb
  clock?: () => number
  /**
   * Called when the database could not count (read-only, full, busy): this process counted
   * instead, so the limit still holds on each process and a message or request that needs no
   * write is still answered.
   */
  onError?: (error: unknown) => void
}

/**
 * Takes from a bucket row of `table` on the counter connection (knowledge/db/open-counter-db.ts,
 * batched) and, every `purgeEvery` counts, deletes in the background the rows untouched for
 * `staleMs` (full buckets). When the database cannot count (read-only, full, another writer
 * holding it past the counter's short busy timeout) the process's own bucket decides, then and
 * for FALLBACK_MS after: the limit still holds in each process, and a request never waits long
 * on a counter.
 */
const takeSharedOrLocal = <T>({
  counters,
  clock = Date.now,
  onError = () => {},
  table,
  staleMs,
  purgeEvery,
}: SharedCounting & BucketTable) => {
  let failedAt = Number.NEGATIVE_INFINITY
  let taken = 0
  return async ({
    statement,
    decide,
    local,
  }: {
    /** the one statement that refills, takes and decides at `now` */
    statement: (now: number) => CounterStatement
    /** the decision its first row says */
    decide: (row: Row | undefined) => T
    /** the process's own take */
    local: () => T | Promise<T>
  }): Promise<T> => {
    if (clock() - failedAt < FALLBACK_MS) return local()
    try {
      const counter = await counters.connection()
      const now = clock()
      const { rows } = await counters.execute(statement(now))
      taken += 1
      if (taken % purgeEvery === 0)
        void counter
          .run(sql`DELETE FROM ${sql.identifier(table)} WHERE at < ${now - staleMs}`)
          .catch(() => {})
      return decide(rows[0])
    } catch (error) {
      failedAt = clock()
      onError(error)
      return local()
    }
  }
}

/** Refill (at most ?2, ?4 per ms since the row's time, never negative), take one if there is one, decide. */
const TAKE_MESSAGE = `
  INSERT INTO chat_rate_limits (key, tokens, at, warned, decision) VALUES (?1, ?2 - 1, ?3, 0, 'allowed')
  ON CONFLICT(key) DO UPDATE SET
    tokens = CASE WHEN min(?2, tokens + max(0, ?3 - at) * ?4) >= 1
      THEN min(?2, tokens + max(0, ?3 - at) * ?4) - 1 ELSE min(?2, tokens + max(0, ?3 - at) * ?4) END,
    decision = CASE WHEN min(?2, tokens + max(0, ?3 - at) * ?4) >= 1 THEN 'allowed'
      WHEN warned = 1 THEN 'drop' ELSE 'warn' END,
    warned = CASE WHEN min(?2, tokens + max(0, ?3 - at) * ?4) >= 1 THEN 0 ELSE 1 END,
    at = max(at, ?3)
  RETURNING decision`

export type SharedRateLimitOptions = Omit<RateLimitOptions, 'maxUsers'> & SharedCounting

/**
 * The same bucket in `chat_rate_limits`: refill, take and decide in one UPSERT, whose SET
 * expressions all read the row as it was, so two processes taking at once cannot both spend
 * the last token.
 */
export const createSharedRateLimiter = (options: SharedRateLimitOptions): RateLimiter => {
  const { burst, perMinute, clock = Date.now } = options
  const perMs = perMinute / 60_000
  const local = createRateLimiter({ burst, perMinute, clock })
  const take = takeSharedOrLocal<RateDecision>({ ...options, ...MESSAGE_BUCKETS })
  return {
    take: (key) =>
      take({
        statement: (now) => ({ sql: TAKE_MESSAGE, args: [key, burst, now, perMs] }),
        decide: (row) => (row?.['decision'] as RateDecision | undefined) ?? 'allowed',
        local: () => local.take(key),
      }),
  }
}

export type RequestLimiter = {
  /** @returns 0 when the request may go on, else the seconds to wait before the next one */
  take: (key: string) => number | Promise<number>
}

/** Seconds until a bucket holding `tokens` has one again. */
const secondsToWait = (tokens: number, perMs: number) => Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))

/**
 * A per-key limit for HTTP requests (client address, session): `perMinute` requests a minute,
 * at most `perMinute` at once, counted in this process. A refusal says how long to wait.
 */
export const createRequestLimiter = ({
  perMinute,
  clock = Date.now,
  maxKeys = 100_000,
}: {
  perMinute: number
  clock?: () => number
  /** Buckets kept at most; the least recently used are dropped first. */
  maxKeys?: number
}): RequestLimiter => {
  const perMs = perMinute / 60_000
  const refilled = createBuckets({
    capacity: perMinute,
    perMinute,
    maxKeys,
    fresh: (now) => ({ tokens: perMinute, at: now }),
  })
  return {
    take(key) {
      const bucket = refilled(key, clock())
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return 0
      }
      return secondsToWait(bucket.tokens, perMs)
    },
  }
}

/** A request bucket holds at most a minute's requests, so one untouched for a minute is full: its row can go. */
export const REQUEST_STALE_MS = 60_000
const REQUEST_BUCKETS: BucketTable = { table: 'request_limits', staleMs: REQUEST_STALE_MS, purgeEvery: 1000 }

/**
 * Refill (?2 tokens a minute at most, ?4 per ms since the row's time, never negative), take
 * one if there is one, and say which, in one statement. Plain SQL with numbered parameters:
 * built once, not per request.
 */
const TAKE_REQUEST = `
  INSERT INTO request_limits (key, tokens, at, granted) VALUES (?1, ?2 - 1, ?3, 1)
  ON CONFLICT(key) DO UPDATE SET
    tokens = CASE WHEN min(?2, tokens + max(0, ?3 - at) * ?4) >= 1
      THEN min(?2, tokens + max(0, ?3 - at) * ?4) - 1 ELSE min(?2, tokens + max(0, ?3 - at) * ?4) END,
    granted = min(?2, tokens + max(0, ?3 - at) * ?4) >= 1,
    at = max(at, ?3)
  RETURNING tokens, granted`

/** The bucket's row key: a digest, so no client address or session id is stored. */
const bucketKey = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22)

export type SharedRequestLimiterOptions = SharedCounting & { perMinute: number }

/**
 * The request limit of {@link createRequestLimiter} in `request_limits`, shared by every
 * process over one database: refill, take and decide in one UPSERT, whose SET expressions all
 * read the row as it was, so two processes taking at once cannot both spend the last token.
 * A clock behind the row's (another host's) refills nothing rather than going back in time.
 */
export const createSharedRequestLimiter = (options: SharedRequestLimiterOptions): RequestLimiter => {
  const { perMinute, clock = Date.now } = options
  const perMs = perMinute / 60_000
  const local = createRequestLimiter({ perMinute, clock })
  const take = takeSharedOrLocal<number>({ ...options, ...REQUEST_BUCKETS })
  return {
    take: (key) =>
      take({
        statement: (now) => ({ sql: TAKE_REQUEST, args: [bucketKey(key), perMinute, now, perMs] }),
        decide: (row) => {
          const taken = row as unknown as { tokens: number; granted: number } | undefined
          if (!taken || taken.granted) return 0
          return secondsToWait(taken.tokens, perMs)
        },
        local: () => local.take(key),
      }),
  }
}
