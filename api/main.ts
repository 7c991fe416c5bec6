/**
 * The only entry point: `npm start`. Reads the configuration, opens and migrates the
 * database, seeds the starter knowledge base into an empty database, builds the search
 * index, serves the HTTP API and starts the chat channels that are configured.
 * @module
 */
import { serve } from '@hono/node-server'
import { startChannels } from '../bot/start-channels.ts'
import { createDb } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import { seedStarterProcedures } from '../knowledge/procedures/seed-starter-procedures.ts'
import { createApp } from './app.ts'
import { loadConfig } from './config.ts'
import { describeStorageError } from './errors.ts'
import { createLogger } from './logger.ts'

/** A start-up step that failed: what was being done, on which file or URL, and why. */
class StartupError extends Error {
  constructor(what: string, where: string, cause: unknown) {
    const why = describeStorageError(cause) ?? (cause instanceof Error ? cause.message : String(cause))
    const hint = /SQLITE_(CANTOPEN|READONLY)|EACCES|EROFS/.test(why)
      ? ' (check that the folder exists and is writable)'
      : ''
    super(`${what} (${where}): ${why}${hint}`, { cause })
  }
}

const step = async <T>(what: string, where: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (error) {
    throw new StartupError(what, where, error)
  }
}

const main = async () => {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  // the URL without credentials, and where a file database lives
  const where = config.database.url.replace(/\/\/[^@/]*@/, '//')
  const db = await step(`opening the database (is DATA_DIR ${config.dataDir} writable?)`, where, async () => {
    const opened = await createDb(config.database)
    await opened.$client.execute('SELECT count(*) FROM sqlite_master')
    return opened
  })
  await step('applying the database migrations', where, () => migrateDb(db))
  if (config.knowledge.seed) {
    const seeded = await step('seeding the starter knowledge base', where, () =>
      seedStarterProcedures({ db }),
    )
    if (seeded > 0) log.info('seeded starter knowledge base', { procedures: seeded })
  }
  const kb = await step('building the search index', config.knowledge.synonymsFile ?? where, () =>
    createKnowledgeBase({
      db,
      synonymsFile: config.knowledge.synonymsFile,
      refreshSeconds: config.knowledge.refreshSeconds,
    }),
  )
  const deps = { config, db, kb, log }
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('trolyso listening', { url: `http://${info.address}:${info.port}`, procedures: kb.size() })
  })
  const channels = await startChannels(deps, app)
  const stop = async (signal: string) => {
    log.info('shutting down', { signal })
    await channels.stop()
    kb.close()
    server.close()
    db.$client.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`trolyso failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
