import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { loadConfig, MAX_WORKERS_BY_CORES } from '../../api/config.ts'
import { defaultRestartDelayMs } from '../../api/start-workers.ts'

describe('WORKERS', () => {
  it('is one process without a primary by default', () => {
    expect(loadConfig({}).workers).toBe(1)
    expect(loadConfig({}).workerIndex).toBeNull()
  })

  it('takes a count, and 0 as one process per core up to a cap', () => {
    expect(loadConfig({ WORKERS: '3' }).workers).toBe(3)
    expect(loadConfig({ WORKERS: '0' }).workers).toBe(Math.min(availableParallelism(), MAX_WORKERS_BY_CORES))
  })

  it('refuses what is not a count, naming the setting', () => {
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS/)
    expect(() => loadConfig({ WORKERS: '-1' })).toThrow(/WORKERS/)
  })

  it('knows which forked worker it is', () => {
    expect(loadConfig({ WORKERS: '2', TROLYSO_WORKER_INDEX: '1' }).workerIndex).toBe(1)
  })
})

describe('restarting a worker that keeps dying', () => {
  it('waits longer after each failure in a row, up to 30 s', () => {
    expect([1, 2, 3, 4].map(defaultRestartDelayMs)).toEqual([250, 500, 1000, 2000])
    expect(defaultRestartDelayMs(20)).toBe(30_000)
  })
})
