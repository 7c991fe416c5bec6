/**
 * The only entry point: `npm start`. Reads the configuration, opens and migrates the
 * database, serves the HTTP API and starts the chat channels that are configured. An empty
 * knowledge base is seeded (the national export by default) in the background while the
 * server already answers /healthz with its progress. With `WORKERS=n` the first process
 * prepares the database and forks n serving processes on the same port (api/start-workers.ts);
 * those skip the preparation.
 * @module
 */
import { createDb, type Db } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { isKnowledgeBaseEmpty, seedKnowledgeBase } from '../knowledge/procedures/seed-knowledge-base.ts'
import { createLogger, type Logger } from '../platform/logger.ts'
import { releaseUnusedMemory } from '../platform/release-unused-memory.ts'
import { type Config, loadConfig } from './config.ts'
import { caDirOf } from './documents/ca-dir.ts'
import { joinPrimary } from './join-primary.ts'
import { onStopSignals } from './on-stop-signals.ts'
import { printWelcome } from './print-welcome.ts'
import { shareKnowledgeChanges } from './share-knowledge-changes.ts'
import { startWorkers } from './start-workers.ts'
import { createStartupStatus, type StartupPhase } from './startup-status.ts'
import { runStartupStep as step, whereOf } from './startup-step.ts'

// The app itself (api/serve-app.ts: search index, routes, channels) and the CA's code are
// loaded with import() where they are used: the primary of WORKERS=n serves nothing, and every
// module it loads stays in its memory for as long as the deployment runs.

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

/** `WORKERS=1` (the default): one process prepares the database and serves. */
const runAlone = async (config: Config, log: Logger) => {
  const { db, seeding } = await prepareDatabase(config, log)
  const { serveApp } = await import('./serve-app.ts')
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
  const { ensureCertificateAuthority } = await import('./documents/init-certificate-authority.ts')
  await ensureCertificateAuthority(caDirOf(config)).catch((error: unknown) =>
    log.warn('the deployment CA is unusable; /healthz reports it', { error: String(error) }),
  )
  // What is left of loading drizzle-orm and of the migrations is garbage: the primary keeps
  // only the database connection, so its heap goes back to the operating system.
  log.info('start-up heap released', releaseUnusedMemory())
  const workers = startWorkers({
    count: config.workers,
    log,
    startup: seeding ? { phase: 'loading', done: 0, total: 0 } : { phase: 'ready' },
  })
  onStopSignals(async (signal) => {
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
    log.info('start-up heap released', releaseUnusedMemory())
  }
}

/** One of the processes the primary forked: serves without touching migrations or seeding. */
const runWorker = async (config: Config, log: Logger, index: number) => {
  const { startup, seeded } = await joinPrimary()
  const db = await openDatabase(config)
  const { serveApp } = await import('./serve-app.ts')
  await serveApp({
    config,
    log,
    db,
    startup,
    leader: index === 0,
    onListening: (url, procedures) => log.info('worker serving', { url, worker: index, procedures }),
    loadSeed: seeded ? () => seeded : null,
    knowledgeChanges: shareKnowledgeChanges({ channel: process, log }),
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
