import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../bot/core/rate-limit.ts'

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
