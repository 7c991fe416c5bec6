/**
 * Prunes the chat data past its retention (bot/core/prune-retention.ts) in the background:
 * once shortly after start, then every `intervalMs` (an hour by default). A failed run is
 * logged and tried again at the next interval; runs never overlap.
 * @module
 */

import type { Db } from '../../knowledge/db/client.ts'
import type { Logger } from '../../platform/logger.ts'
import { type PruneResult, pruneRetention, type RetentionSettings } from './prune-retention.ts'

export type RetentionTimer = {
  /** Calls `run` every `ms`; returns a function that stops it. */
  every: (ms: number, run: () => void) => () => void
}

const realTimer: RetentionTimer = {
  every(ms, run) {
    const first = setTimeout(run, Math.min(ms, 10_000))
    const timer = setInterval(run, ms)
    first.unref()
    timer.unref()
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  },
}

export type StartRetentionOptions = {
  db: Db
  log: Logger
  retention: RetentionSettings
  clock?: () => number
  intervalMs?: number
  timer?: RetentionTimer
}

export type RunningRetention = {
  /** Prunes now (waits for a run already under way first). */
  runNow: () => Promise<PruneResult | null>
  stop: () => Promise<void>
}

export const startRetention = ({
  db,
  log,
  retention,
  clock = Date.now,
  intervalMs = 60 * 60_000,
  timer = realTimer,
}: StartRetentionOptions): RunningRetention => {
  let running: Promise<PruneResult | null> = Promise.resolve(null)
  const run = () => {
    running = running.then(async () => {
      try {
        const result = await pruneRetention({ db, retention, now: clock() })
        if (Object.values(result).some((n) => n > 0)) log.info('retention pruned', result)
        return result
      } catch (error) {
        log.warn('retention prune failed', { error: String(error) })
        return null
      }
    })
    return running
  }
  const cancel = timer.every(intervalMs, () => void run())
  return {
    runNow: run,
    stop: async () => {
      cancel()
      await running
    },
  }
}
