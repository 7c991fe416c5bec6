/**
 * Per-user token bucket for incoming messages: a citizen may send a short burst, then about
 * one message every few seconds. A flooding user is told once to slow down and is not
 * answered; other users are unaffected. Kept in memory: each process limits what it serves.
 * @module
 */

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

export type RateLimiter = { take: (key: string) => RateDecision }

export const createRateLimiter = ({
  burst,
  perMinute,
  clock = Date.now,
  maxUsers = 50_000,
}: RateLimitOptions): RateLimiter => {
  const buckets = new Map<string, Bucket>()
  const perMs = perMinute / 60_000
  return {
    take(key) {
      const now = clock()
      const old = buckets.get(key)
      const bucket = old ?? { tokens: burst, at: now, warned: false }
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs)
      bucket.at = now
      // Re-insert so Map order is least-recently-used first.
      buckets.delete(key)
      buckets.set(key, bucket)
      if (buckets.size > maxUsers) {
        const oldest = buckets.keys().next().value
        if (oldest !== undefined) buckets.delete(oldest)
      }
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
