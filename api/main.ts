/**
 * The only entry point: `npm start`. Reads the configuration, opens and migrates the
 * database, serves the HTTP API and starts the chat channels that are configured. An empty
 * knowledge base is seeded (the national export by default) in the background while the
 * server already answers /healthz with its progress.
 * @module
 */
import { serve } from '@hono/node-server'
import { startChannels } from '../bot/start-channels.ts'
import { createDb } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import { isKnowledgeBaseEmpty, seedKnowledgeBase } from '../knowledge/procedures/seed-knowledge-base.ts'
import { createLogger } from '../platform/logger.ts'
import { createApp } from './app.ts'
import { composeServices } from './compose-services.ts'
import { loadConfig } from './config.ts'
import { describeStorageError } from './errors.ts'
import { printWelcome } from './print-welcome.ts'
import { createStartupStatus } from './startup-status.ts'

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
  const startup = createStartupStatus()
  const seed = config.knowledge.seed
  const empty = seed !== 'none' && (await isKnowledgeBaseEmpty({ db }))
  // The 75 starter procedures are written before the server listens; the national export
  // (seconds of work) is loaded while it already answers /healthz with its progress.
  if (empty && seed === 'starter') {
    const seeded = await step('seeding the starter knowledge base', where, () =>
      seedKnowledgeBase({ db, seed }),
    )
    log.info('seeded starter knowledge base', { procedures: seeded })
  }
  const seeding = empty && seed === 'national'
  if (seeding) startup.loading(0, 0)
  const kb = await step('building the search index', config.knowledge.synonymsFile ?? where, () =>
    createKnowledgeBase({
      db,
      synonymsFile: config.knowledge.synonymsFile,
      refreshSeconds: config.knowledge.refreshSeconds,
      cacheEntries: config.knowledge.cacheEntries,
    }),
  )
  const services = composeServices({ config, db, kb, log, startup })
  const app = createApp(services)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('trolyso listening', { url: `http://${info.address}:${info.port}`, procedures: kb.size() })
    printWelcome({ url: `http://${info.address}:${info.port}`, seeding: seeding ? 'national' : null })
  })
  if (seeding) {
    const started = Date.now()
    const inserted = await seedKnowledgeBase({
      db,
      seed: 'national',
      onProgress: ({ phase, done, total }) => {
        // Writing comes after every record was read: the count stays at n/n until searchable.
        if (phase === 'parse') startup.loading(done, total)
        log.info('loading knowledge base', { seed: 'national', phase, done, total })
      },
    })
    await kb.refresh()
    startup.ready()
    log.info('knowledge base seeded', {
      seed: 'national',
      procedures: inserted,
      seconds: (Date.now() - started) / 1000,
    })
  }
  const channels = await startChannels(services)
  const stop = async (signal: string) => {
    log.info('shutting down', { signal })
    await channels.stop()
    await services.stop()
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
