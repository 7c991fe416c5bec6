/**
 * The one place that reads `process.env`. Every section (server, knowledge base, bot,
 * documents) is a zod schema parsed once at start; a bad value fails fast with every
 * problem listed.
 * @module
 */
import { availableParallelism } from 'node:os'
import { z } from 'zod'
import { ZBotEnv } from '../bot/config.ts'
import { databaseSettings, ZDatabaseEnv } from '../knowledge/db/database-config.ts'
import { ZDocumentsEnv } from './documents/config.ts'

/** `WORKERS=0` starts one process per core, but never more than this. */
export const MAX_WORKERS_BY_CORES = 8

const ZServerEnv = ZDatabaseEnv.extend({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN phải dài ít nhất 16 ký tự').optional(),
  KB_SEED: z
    .enum(['national', 'starter', 'none', 'true', 'false'], {
      error: 'KB_SEED phải là national, starter hoặc none',
    })
    .default('national')
    // Earlier releases took true/false: true seeded what was shipped, false nothing.
    .transform((seed) => (seed === 'true' ? 'national' : seed === 'false' ? 'none' : seed)),
  KB_SYNONYMS_FILE: z.string().optional(),
  KB_REFRESH_SECONDS: z.coerce.number().min(0).default(30),
  KB_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  RATE_LIMIT_ASK_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_CHAT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_SCOPE: z
    .enum(['database', 'process'], { error: 'RATE_LIMIT_SCOPE phải là database hoặc process' })
    .default('database'),
  WORKERS: z.coerce
    .number({ error: 'WORKERS phải là số tiến trình (0: một tiến trình mỗi lõi)' })
    .int()
    .min(0)
    .max(64)
    .default(1),
  // Set by the primary for each process it forks (api/start-workers.ts); never by a person.
  TROLYSO_WORKER_INDEX: z.coerce.number().int().min(0).optional(),
}).transform((env) => ({
  env: env.NODE_ENV,
  port: env.PORT,
  host: env.HOST,
  publicUrl: env.PUBLIC_URL ?? null,
  dataDir: env.DATA_DIR,
  database: databaseSettings(env),
  adminToken: env.ADMIN_TOKEN ?? null,
  knowledge: {
    seed: env.KB_SEED,
    synonymsFile: env.KB_SYNONYMS_FILE ?? null,
    refreshSeconds: env.KB_REFRESH_SECONDS,
    cacheEntries: env.KB_CACHE_ENTRIES,
  },
  logLevel: env.LOG_LEVEL,
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. */
  trustProxyHops: env.TRUST_PROXY_HOPS,
  /**
   * Requests a minute per client address and per session (0: off); counted in the database
   * (shared by every process, the default) or in each process.
   */
  rateLimits: {
    askPerMinute: env.RATE_LIMIT_ASK_PER_MINUTE,
    chatPerMinute: env.RATE_LIMIT_CHAT_PER_MINUTE,
    scope: env.RATE_LIMIT_SCOPE,
  },
  /** Processes serving the one port: 1 is a single process without a primary. */
  workers: env.WORKERS === 0 ? Math.min(availableParallelism(), MAX_WORKERS_BY_CORES) : env.WORKERS,
  /** Which of those this process is, when a primary forked it; null in the primary or alone. */
  workerIndex: env.TROLYSO_WORKER_INDEX ?? null,
  staff: {
    idleMinutes: env.STAFF_SESSION_IDLE_MINUTES,
    maxHours: env.STAFF_SESSION_MAX_HOURS,
    maxFailures: 5,
    windowMinutes: 15,
  },
}))

export type ServerConfig = z.infer<typeof ZServerEnv>
export type Config = ServerConfig & { bot: z.infer<typeof ZBotEnv>; documents: z.infer<typeof ZDocumentsEnv> }

/**
 * @param env the environment, `process.env` by default (tests pass their own)
 * @throws Error listing every invalid variable
 */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const sections = { server: ZServerEnv, bot: ZBotEnv, documents: ZDocumentsEnv }
  const problems: string[] = []
  const parsed: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(sections)) {
    const result = schema.safeParse(env)
    if (result.success) parsed[name] = result.data
    else
      for (const issue of result.error.issues)
        problems.push(`${issue.path.join('.') || name}: ${issue.message}`)
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  const server = parsed['server'] as ServerConfig
  return {
    ...server,
    bot: parsed['bot'] as Config['bot'],
    documents: parsed['documents'] as Config['documents'],
  }
}
