/**
 * The only entry point: `npm start`. Reads the configuration, opens and migrates the
 * database, serves the HTTP API and starts the chat channels that are configured. An empty
 * knowledge base is seeded (the national export by default) in the background while the
 * server already answers /healthz with its progress. With `WORKERS=n` the first process
 * prepares the database and forks n serving processes on the same port (api/start-workers.ts);
 * those skip the preparation.
 * @module
 */
import { serve } from '@hono/node-server'
import { type RunningChannels, startChannels } from '../bot/start-channels.ts'
import { createDb, type Db } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import { isKnowledgeBaseEmpty, seedKnowledgeBase } from '../knowledge/procedures/seed-knowledge-base.ts'
import { createLogger, type Logger } from '../platform/logger.ts'
import { createApp } from './app.ts'
import { composeServices } from './compose-services.ts'
import { type Config, loadConfig } from './config.ts'
import { caDirOf } from './documents/documents-service.ts'
import { ensureCertificateAuthority } from './documents/init-certificate-authority.ts'
import { describeStorageError } from './errors.ts'
import { joinPrimary } from './join-primary.ts'
import { printWelcome } from './print-welcome.ts'
import { startWorkers } from './start-workers.ts'
import { createStartupStatus, type StartupPhase, type StartupStatus } from './startup-status.ts'

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

/** Opens the database, applies the migrations and writes the starter set: once, in the primary. */
const prepareDatabase = async (config: Config, log: Logger) => {
  const db = await openDatabase(config)
  await step('applying the database migrations', whereOf(config), () => migrateDb(db))
  const seed = config.knowledge.seed
  const empty = seed !== 'none' && (await isKnowledgeBaseEmpty({ db }))
  // The 75 starter procedures are written before the server listens; the national export
  // (seconds of work) is loaded while it already answers /healthz with its progress.
  if (empty && seed === 'starter') {
    const seeded = await step('seeding the starter knowledge base', whereOf(config), () =>
      seedKnowledgeBase({ db, seed }),
    )
    log.info('seeded starter knowledge base', { procedures: seeded })
  }
  return { db, seeding: empty && seed === 'national' }
}

const whereOf = (config: Config) => config.database.url.replace(/\/\/[^@/]*@/, '//')

const openDatabase = (config: Config) =>
  // the URL without credentials, and where a file database lives
  step(`opening the database (is DATA_DIR ${config.dataDir} writable?)`, whereOf(config), async () => {
    const opened = await createDb(config.database)
    await opened.$client.execute('SELECT count(*) FROM sqlite_master')
    return opened
  })

/**
 * Loads the national export into the empty knowledge base, reporting progress; `database`
 * loads it in a worker thread (the primary of WORKERS=n, which should stay small).
 */
const seedNational = async (
  { db, log, database }: { db: Db; log: Logger; database?: Config['database'] },
  onProgress: (phase: StartupPhase) => void,
) => {
  const started = Date.now()
  const inserted = await seedKnowledgeBase({
    db,
    seed: 'national',
    ...(database ? { database } : {}),
    onProgress: ({ phase, done, total }) => {
      // Writing comes after every record was read: the count stays at n/n until searchable.
      if (phase === 'parse') onProgress({ phase: 'loading', done, total })
      log.info('loading knowledge base', { seed: 'national', phase, done, total })
    },
  })
  log.info('knowledge base seeded', {
    seed: 'national',
    procedures: inserted,
    seconds: (Date.now() - started) / 1000,
  })
}

type ServeOptions = {
  config: Config
  log: Logger
  db: Db
  startup: StartupStatus
  /** Runs the once-per-deployment jobs (Telegram polling, retention); see bot/start-channels.ts. */
  leader: boolean
  onListening: (url: string, procedures: number) => void
  /**
   * First-start loading of an empty knowledge base (done here, or awaited from the primary);
   * the index is refreshed and `startup` marked ready after it, and the chat channels start.
   */
  loadSeed: (() => Promise<void>) | null
}

/** Builds the search index and serves HTTP and the chat channels: in every serving process. */
const serveApp = async ({ config, log, db, startup, leader, onListening, loadSeed }: ServeOptions) => {
  const kb = await step('building the search index', config.knowledge.synonymsFile ?? whereOf(config), () =>
    createKnowledgeBase({
      db,
      synonymsFile: config.knowledge.synonymsFile,
      refreshSeconds: config.knowledge.refreshSeconds,
      cacheEntries: config.knowledge.cacheEntries,
    }),
  )
  const services = composeServices({ config, db, kb, log, startup })
  const app = createApp(services)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
    onListening(`http://${info.address}:${info.port}`, kb.size()),
  )
  let channels: RunningChannels | null = null
  let stopping: Promise<void> | null = null
  onSignals((signal) => {
    stopping ??= (async () => {
      log.info('shutting down', { signal })
      await channels?.stop()
      await services.stop()
      kb.close()
      server.close()
      db.$client.close()
    })()
    return stopping
  })
  if (loadSeed) {
    await loadSeed()
    await kb.refresh()
    startup.ready()
  }
  if (!stopping) channels = await startChannels(services, { leader })
}

/**
 * Stops on the first SIGINT/SIGTERM and ignores the ones after it: Ctrl+C (or a supervisor)
 * signals the whole process group, and a worker then also gets SIGTERM from its primary.
 */
const onSignals = (stop: (signal: string) => Promise<void>) => {
  let stopping = false
  const exit = (signal: string) => {
    if (stopping) return
    stopping = true
    void stop(signal).then(() => process.exit(0))
  }
  process.on('SIGINT', () => exit('SIGINT'))
  process.on('SIGTERM', () => exit('SIGTERM'))
}

/** `WORKERS=1` (the default): one process prepares the database and serves. */
const runAlone = async (config: Config, log: Logger) => {
  const { db, seeding } = await prepareDatabase(config, log)
  const startup = createStartupStatus()
  if (seeding) startup.loading(0, 0)
  await serveApp({
    config,
    log,
    db,
    startup,
    leader: true,
    onListening: (url, procedures) => {
      log.info('trolyso listening', { url, procedures })
      printWelcome({ url, seeding: seeding ? 'national' : null })
    },
    loadSeed: seeding
      ? () =>
          seedNational({ db, log }, (phase) => {
            if (phase.phase === 'loading') startup.loading(phase.done, phase.total)
          })
      : null,
  })
}

/** `WORKERS=n`: the primary prepares the database, then forks the serving processes. */
const runPrimary = async (config: Config, log: Logger) => {
  const { db, seeding } = await prepareDatabase(config, log)
  // Created here so that two workers never race to create the deployment's CA on first start.
  await ensureCertificateAuthority(caDirOf(config)).catch((error: unknown) =>
    log.warn('the deployment CA is unusable; /healthz reports it', { error: String(error) }),
  )
  const workers = startWorkers({
    count: config.workers,
    log,
    startup: seeding ? { phase: 'loading', done: 0, total: 0 } : { phase: 'ready' },
  })
  onSignals(async (signal) => {
    log.info('shutting down', { signal, workers: config.workers })
    await workers.stop()
    db.$client.close()
  })
  // As a single process does, load the national export once the port answers, so that every
  // worker reports the loading on /healthz instead of starting after it.
  const url = await workers.started.catch(async (error: unknown) => {
    await workers.stop()
    throw error
  })
  log.info('trolyso listening', { url, workers: config.workers })
  printWelcome({ url, seeding: seeding ? 'national' : null })
  if (seeding) {
    await seedNational({ db, log, database: config.database }, (phase) => workers.setStartup(phase))
    workers.setStartup({ phase: 'ready' })
  }
}

/** One of the processes the primary forked: serves without touching migrations or seeding. */
const runWorker = async (config: Config, log: Logger, index: number) => {
  const { startup, seeded } = await joinPrimary()
  const db = await openDatabase(config)
  await serveApp({
    config,
    log,
    db,
    startup,
    leader: index === 0,
    onListening: (url, procedures) => log.info('worker serving', { url, worker: index, procedures }),
    loadSeed: seeded ? () => seeded : null,
  })
}

const main = async () => {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  if (config.workerIndex !== null) return runWorker(config, log, config.workerIndex)
  if (config.workers > 1) return runPrimary(config, log)
  return runAlone(config, log)
}

main().catch((error: unknown) => {
  process.stderr.write(`trolyso failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
