/**
 * The real app over a real, migrated and seeded libSQL database, for `app.request()` tests.
 * @module
 */
import { afterAll, beforeAll } from 'vitest'
import { createApp } from '../../api/app.ts'
import { composeServices } from '../../api/compose-services.ts'
import { loadConfig } from '../../api/config.ts'
import type { AppServices } from '../../api/deps.ts'
import type { DocumentsOptions } from '../../api/documents/documents-service.ts'
import { createKnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { seedStarterProcedures } from '../../knowledge/procedures/seed-starter-procedures.ts'
import { createLogger, type Logger } from '../../platform/logger.ts'
import { createTestDb, type TestDb } from './create-test-db.ts'

/** `deps` are the services the app was composed with (its conversation, channels, documents service). */
export type TestApp = {
  app: ReturnType<typeof createApp>
  deps: AppServices
  testDb: TestDb
  close: () => Promise<void>
}

/**
 * The services of a silent test deployment over a fresh, migrated (not seeded) database, composed
 * as the app's root does; the caller closes them (services, then `kb` and `testDb`).
 * @param env extra settings (e.g. `DOCUMENTS_MAX_BYTES`, `REMOTE_SIGNING_URL`)
 * @param documents options of the documents service (e.g. an injected remote-signing provider)
 */
export const composeTestServices = async ({
  env = {},
  documents,
}: {
  env?: Record<string, string>
  documents?: DocumentsOptions
} = {}) => {
  const testDb = await createTestDb()
  const config = loadConfig({
    DATA_DIR: testDb.dir,
    DATABASE_URL: testDb.url,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // A PDF job's time budget bounds crafted files; on a loaded test machine an ordinary signed
    // document must not run into the 10 s default. The budget's own tests set theirs.
    DOCUMENTS_TIME_BUDGET_MS: '60000',
    ...env,
  })
  const log = createLogger('silent')
  const kb = await createKnowledgeBase({ db: testDb.db, refreshSeconds: 0 })
  const deps = composeServices({ config, db: testDb.db, kb, log, ...(documents ? { documents } : {}) })
  return { testDb, kb, log, deps }
}

/**
 * @param env extra environment for loadConfig (e.g. ADMIN_TOKEN)
 * @param options.log a logger to read what was logged (silent by default)
 */
export const createTestApp = async (
  env: Record<string, string> = {},
  { log = createLogger('silent') }: { log?: Logger } = {},
): Promise<TestApp> => {
  const testDb = await createTestDb()
  await seedStarterProcedures({ db: testDb.db })
  const kb = await createKnowledgeBase({ db: testDb.db, refreshSeconds: 0 })
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: testDb.dir, DATABASE_URL: testDb.url, ...env })
  const deps = composeServices({ config, db: testDb.db, kb, log })
  return {
    app: createApp(deps),
    deps,
    testDb,
    // the database closes at once, as before; the returned promise settles when the services stopped
    close: () => {
      const stopped = deps.stop()
      kb.close()
      testDb.close()
      return stopped
    },
  }
}

/**
 * One test app for the enclosing `describe` (or file): created before its tests with `createTestApp(env, options)`
 * (within `timeout` ms, vitest's hook timeout by default), closed after them. Read its fields inside tests, not while collecting them.
 */
export const useTestApp = (
  env: Record<string, string> = {},
  { timeout, ...options }: { log?: Logger; timeout?: number } = {},
): TestApp => {
  const t = {} as TestApp
  beforeAll(async () => {
    Object.assign(t, await createTestApp(env, options))
  }, timeout)
  afterAll(() => t.close?.())
  return t
}
