import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createRateLimiter,
  createRequestLimiter,
  createSharedRateLimiter,
  createSharedRequestLimiter,
  FALLBACK_MS,
} from '../../../bot/core/rate-limit.ts'
import { createDb } from '../../../knowledge/db/client.ts'
import { createCounterDb } from '../../../knowledge/db/open-counter-db.ts'
import { requestLimits } from '../../../knowledge/db/schema/index.ts'
import { useTestDb } from '../../helpers/create-test-db.ts'

/** What `count` takes of one key give, one after another, the limiters (processes) taking in turn: A, B, A … */
const takesInTurn = async <T>(
  limiters: { take: (key: string) => T | Promise<T> }[],
  key: string,
  count: number,
) => {
  const results: T[] = []
  for (let i = 0; i < count; i += 1) results.push(await limiters[i % limiters.length]!.take(key))
  return results
}

describe('createRateLimiter', () => {
  it('allows a burst, warns once, then drops until tokens refill', () => {
    const clock = { now: 0 }
    const limiter = createRateLimiter({ burst: 3, perMinute: 6, clock: () => clock.now })
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual(['allowed', 'allowed', 'allowed'])
    expect(limiter.take('a')).toBe('warn')
    expect(limiter.take('a')).toBe('drop')
    clock.now += 10_000 // 6 per minute: one token every 10 s
    expect(limiter.take('a')).toBe('allowed')
    expect(limiter.take('a')).toBe('warn')
  })

  it('limits each user separately', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1, clock: () => 0 })
    expect(limiter.take('flooder')).toBe('allowed')
    expect(limiter.take('flooder')).toBe('warn')
    expect(limiter.take('other')).toBe('allowed')
  })
})

describe('createRequestLimiter', () => {
  it('allows perMinute requests, then says how many seconds to wait until the next one', () => {
    const clock = { now: 0 }
    const limiter = createRequestLimiter({ perMinute: 6, clock: () => clock.now })
    expect(Array.from({ length: 6 }, () => limiter.take('a'))).toEqual([0, 0, 0, 0, 0, 0])
    expect(limiter.take('a')).toBe(10) // one request every 10 s
    clock.now += 4_000
    expect(limiter.take('a')).toBe(6)
    clock.now += 6_000
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('b')).toBe(0)
  })
})

describe('createSharedRateLimiter (several processes, one libSQL database)', () => {
  const t = useTestDb()

  it('draws every process from one bucket per user: burst, warn once, drop, refill', async () => {
    const clock = { now: 1_000_000 }
    const options = { counters: createCounterDb(t.db), burst: 3, perMinute: 6, clock: () => clock.now }
    const processA = createSharedRateLimiter(options)
    const processB = createSharedRateLimiter(options)
    const taken = await takesInTurn([processA, processB], 'telegram:1', 5)
    expect(taken).toEqual(['allowed', 'allowed', 'allowed', 'warn', 'drop'])
    expect(await processB.take('zalo:2')).toBe('allowed')
    clock.now += 10_000 // 6 per minute: one token every 10 s
    expect(await processB.take('telegram:1')).toBe('allowed')
    expect(await processA.take('telegram:1')).toBe('warn')
  })

  it('lets concurrent takes spend each token once', async () => {
    const limiter = createSharedRateLimiter({
      counters: createCounterDb(t.db),
      burst: 5,
      perMinute: 1,
      clock: () => 5_000_000,
    })
    const decisions = await Promise.all(Array.from({ length: 12 }, () => limiter.take('web:flood')))
    expect(decisions.filter((d) => d === 'allowed')).toHaveLength(5)
    expect(decisions.filter((d) => d === 'warn')).toHaveLength(1)
    expect(decisions.filter((d) => d === 'drop')).toHaveLength(6)
  })
})

describe('createSharedRequestLimiter (HTTP limits, several processes, one libSQL database)', () => {
  const t = useTestDb()

  it('counts requests from every process in one bucket per key and says how long to wait', async () => {
    const clock = { now: 10_000_000 }
    const options = { counters: createCounterDb(t.db), perMinute: 3, clock: () => clock.now }
    const processA = createSharedRequestLimiter(options)
    const processB = createSharedRequestLimiter(options)
    const waits = await takesInTurn([processA, processB], 'ask:address:198.51.100.7', 4)
    expect(waits).toEqual([0, 0, 0, 20]) // 3 a minute: one every 20 s
    expect(await processA.take('ask:address:198.51.100.8')).toBe(0)
    clock.now += 15_000
    expect(await processA.take('ask:address:198.51.100.7')).toBe(5)
    clock.now += 5_000
    expect(await processB.take('ask:address:198.51.100.7')).toBe(0)
  })

  it('lets concurrent requests spend each token once', async () => {
    const limiter = createSharedRequestLimiter({
      counters: createCounterDb(t.db),
      perMinute: 5,
      clock: () => 20_000_000,
    })
    const waits = await Promise.all(Array.from({ length: 12 }, () => limiter.take('chat:address:flood')))
    expect(waits.filter((w) => w === 0)).toHaveLength(5)
    expect(waits.filter((w) => w > 0)).toHaveLength(7)
  })

  it('stores a digest of the key, never the client address or session id', async () => {
    const limiter = createSharedRequestLimiter({
      counters: createCounterDb(t.db),
      perMinute: 5,
      clock: () => 30_000_000,
    })
    await limiter.take('chat:session:Secret-Session-Id-123')
    await limiter.take('ask:address:203.0.113.77')
    const keys = (await t.db.select().from(requestLimits)).map((r) => r.key)
    expect(keys.length).toBeGreaterThanOrEqual(2)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(keys.join(' ')).not.toMatch(/Secret|203\.0\.113/)
  })

  it('refills nothing for a process whose clock is behind the last writer', async () => {
    const ahead = createSharedRequestLimiter({
      counters: createCounterDb(t.db),
      perMinute: 2,
      clock: () => 40_100_000,
    })
    const behind = createSharedRequestLimiter({
      counters: createCounterDb(t.db),
      perMinute: 2,
      clock: () => 40_070_000,
    })
    expect(await takesInTurn([ahead], 'skew', 2)).toEqual([0, 0])
    // 30 s behind: no negative refill (which would ask for 60 s), and no token either.
    expect(await behind.take('skew')).toBe(30)
  })

  it('counts in the process when the database cannot, says so, and tries the database again a second later', async () => {
    const unmigrated = await createDb({ url: `file:${join(t.dir, 'no-tables.db')}` })
    try {
      const clock = { now: 50_000_000 }
      const errors: unknown[] = []
      const limiter = createSharedRequestLimiter({
        counters: createCounterDb(unmigrated),
        perMinute: 2,
        clock: () => clock.now,
        onError: (error) => errors.push(error),
      })
      expect(await takesInTurn([limiter], 'a', 3)).toEqual([0, 0, 30])
      expect(errors).toHaveLength(1) // not once per request
      clock.now += FALLBACK_MS
      expect(await limiter.take('b')).toBe(0)
      expect(errors).toHaveLength(2)
      expect(String((errors[0] as Error).cause ?? errors[0])).toMatch(/no such table: request_limits/)
    } finally {
      unmigrated.$client.close()
    }
  })
})
