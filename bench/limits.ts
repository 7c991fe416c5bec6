/**
 * `npm run bench:limits`: what one rate-limit count costs, in process, for each way of
 * counting: in memory (`RATE_LIMIT_SCOPE=process`), in the database through the counter
 * connection (`database`, the default: WAL, synchronous=NORMAL) and, for comparison, through
 * the main connection, which flushes to disk at every commit. Over a file in a temporary
 * folder on the same disk as the data (BENCH_DIR, default the repository's `.tools/`), with
 * BENCH_TAKES (default 3000) takes over 50 keys, one after another, then 10 at a time.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createRequestLimiter,
  createSharedRequestLimiter,
  type RequestLimiter,
} from '../bot/core/rate-limit.ts'
import { createDb } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createCounterDb } from '../knowledge/db/open-counter-db.ts'

const TAKES = Number(process.env['BENCH_TAKES'] ?? 3000)
const base = process.env['BENCH_DIR'] ?? fileURLToPath(new URL('../.tools/', import.meta.url))
const dir = mkdtempSync(join(base, 'bench-limits-'))

const measure = async (limiter: RequestLimiter, parallel: number) => {
  const started = performance.now()
  for (let i = 0; i < TAKES; i += parallel)
    await Promise.all(Array.from({ length: parallel }, (_, j) => limiter.take(`key-${(i + j) % 50}`)))
  return ((performance.now() - started) * 1000) / TAKES
}

try {
  const db = await createDb({ url: `file:${join(dir, 'limits.db')}` })
  await migrateDb(db)
  const perMinute = 1_000_000_000 // never refuses: every take writes
  // The same kind of statement through the main connection (synchronous=FULL).
  const mainConnection: RequestLimiter = {
    take: async (key) => {
      await db.$client.execute({
        sql: `INSERT INTO request_limits (key, tokens, at, granted) VALUES (?, 1e9, ?, 1)
              ON CONFLICT(key) DO UPDATE SET tokens = tokens - 1, at = excluded.at RETURNING tokens, granted`,
        args: [key, Date.now()],
      })
      return 0
    },
  }
  const ways: [string, RequestLimiter][] = [
    ['process (memory)', createRequestLimiter({ perMinute })],
    [
      'database (counter connection)',
      createSharedRequestLimiter({ counters: createCounterDb(db), perMinute }),
    ],
    ['main connection (flushed per commit)', mainConnection],
  ]
  console.log(`bench:limits — ${TAKES} takes over 50 keys, µs per take`)
  console.log('way                                  one at a time   10 at a time')
  for (const [name, limiter] of ways) {
    await measure(limiter, 1) // warm-up
    console.log(
      `${name.padEnd(36)} ${(await measure(limiter, 1)).toFixed(1).padStart(13)} ${(await measure(limiter, 10)).toFixed(1).padStart(14)}`,
    )
  }
  db.$client.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
