import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createRateLimiter,
  createRequestLimiter,
  createSharedRateLimiter,
} from '../../../bot/core/rate-limit.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'

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
  let t: TestDb
  beforeAll(async () => {
    t = await createTestDb()
  })
  afterAll(() => t?.close())

  it('draws every process from one bucket per user: burst, warn once, drop, refill', async () => {
    const clock = { now: 1_000_000 }
    const options = { db: t.db, burst: 3, perMinute: 6, clock: () => clock.now }
    const processA = createSharedRateLimiter(options)
    const processB = createSharedRateLimiter(options)
    const taken = [
      await processA.take('telegram:1'),
      await processB.take('telegram:1'),
      await processA.take('telegram:1'),
      await processB.take('telegram:1'),
      await processA.take('telegram:1'),
    ]
    expect(taken).toEqual(['allowed', 'allowed', 'allowed', 'warn', 'drop'])
    expect(await processB.take('zalo:2')).toBe('allowed')
    clock.now += 10_000 // 6 per minute: one token every 10 s
    expect(await processB.take('telegram:1')).toBe('allowed')
    expect(await processA.take('telegram:1')).toBe('warn')
  })

  it('lets concurrent takes spend each token once', async () => {
    const limiter = createSharedRateLimiter({ db: t.db, burst: 5, perMinute: 1, clock: () => 5_000_000 })
    const decisions = await Promise.all(Array.from({ length: 12 }, () => limiter.take('web:flood')))
    expect(decisions.filter((d) => d === 'allowed')).toHaveLength(5)
    expect(decisions.filter((d) => d === 'warn')).toHaveLength(1)
    expect(decisions.filter((d) => d === 'drop')).toHaveLength(6)
  })
})
