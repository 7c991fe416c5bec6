import { describe, expect, it } from 'vitest'
import { releaseUnusedMemory } from '../../platform/release-unused-memory.ts'

describe('releaseUnusedMemory', () => {
  it('returns the heap that short-lived garbage grew, keeping what is alive', () => {
    const kept = Array.from({ length: 1000 }, (_, i) => ({ i, text: `giữ lại ${i}` }))
    let garbage: unknown[] | null = Array.from({ length: 400_000 }, (_, i) => ({
      i,
      text: `rác ${i}`,
      more: [i, i],
    }))
    const grown = process.memoryUsage().heapTotal
    expect(garbage.length).toBe(400_000)
    garbage = null
    const released = releaseUnusedMemory()
    const after = process.memoryUsage().heapTotal
    expect(released.rssMb).toBeGreaterThan(0)
    expect(released.pauseMs).toBeGreaterThanOrEqual(0)
    expect(released.releasedMb).toBeGreaterThan(0)
    expect(after).toBeLessThan(grown - 40 * 2 ** 20)
    expect(kept[999]).toEqual({ i: 999, text: 'giữ lại 999' })
    // a second call reuses the collector
    releaseUnusedMemory()
  })
})
