/**
 * The database settings, the only ones a knowledge-base script needs (`DATA_DIR`,
 * `DATABASE_URL`, `DATABASE_AUTH_TOKEN`); the server reads them through the same schema, so a
 * bad bot or documents setting never stops an import.
 * @module
 */
import { z } from 'zod'

export const ZDatabaseEnv = z.object({
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().optional(),
  DATABASE_AUTH_TOKEN: z.string().optional(),
})

/** @returns `{ url, authToken }` for createDb: the embedded `file:$DATA_DIR/trolyso.db` unless DATABASE_URL is set */
export const databaseSettings = (env: z.infer<typeof ZDatabaseEnv>) => ({
  url: env.DATABASE_URL ?? `file:${env.DATA_DIR}/trolyso.db`,
  authToken: env.DATABASE_AUTH_TOKEN,
})

/**
 * @param env the environment (`process.env` by default)
 * @throws Error naming the invalid variable
 */
export const loadDatabaseSettings = (env: Record<string, string | undefined> = process.env) => {
  const parsed = ZDatabaseEnv.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  return databaseSettings(parsed.data)
}
