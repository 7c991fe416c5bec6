/**
 * `WORKERS=n`: the primary process forks n server processes (node:cluster) that share one
 * port and one database. The primary has prepared the database (migrations, seeding) and
 * serves nothing itself: it hands connections to the workers, tells them how first-start
 * loading stands (their /healthz reports it), restarts a worker that dies (with a growing
 * delay when it keeps dying), passes a worker's knowledge-base change on to the others
 * (api/share-knowledge-changes.ts) and stops them all on SIGTERM/SIGINT. Worker 0 is the leader:
 * it alone polls Telegram and prunes past-retention data (bot/start-channels.ts).
 * @module
 */
import cluster, { type Worker } from 'node:cluster'
import type { AddressInfo } from 'node:net'
import type { Logger } from '../platform/logger.ts'
import { isKnowledgeChange, type KnowledgeChangeMessage } from './share-knowledge-changes.ts'
import type { StartupPhase } from './startup-status.ts'

/** What a worker asks or tells the primary, and what the primary tells its workers. */
export type WorkerMessage =
  | { type: 'trolyso:startup?' }
  | { type: 'trolyso:startup'; phase: StartupPhase }
  | KnowledgeChangeMessage

/** The environment variable that tells a forked process which worker it is. */
export const WORKER_INDEX_ENV = 'TROLYSO_WORKER_INDEX'

export type StartWorkersOptions = {
  count: number
  log: Logger
  /** Where first-start loading stands when the workers start. */
  startup: StartupPhase
  /** Delay before restarting a worker that died, given how often it died in a row (1, 2 …). */
  restartDelayMs?: (failures: number) => number
  /** A worker that ran at least this long before dying counts as a first failure again. */
  stableMs?: number
  /** How long stop() waits for a worker to finish before killing it. */
  stopTimeoutMs?: number
}

export type RunningWorkers = {
  /**
   * Resolves with the shared address once every worker listens. Rejects when a worker exits
   * before that (it failed to start, e.g. an unreadable synonyms file): then nothing is
   * restarted, as a single process would not start either; call stop().
   */
  started: Promise<string>
  /** Tells every worker, and every worker started later, where first-start loading stands. */
  setStartup: (phase: StartupPhase) => void
  /** Process ids of the workers alive now, by worker index (0 is the leader). */
  pids: () => (number | null)[]
  /** Stops restarting, sends SIGTERM to every worker and waits for them to exit. */
  stop: () => Promise<void>
}

/** 0.25 s, 0.5 s, 1 s … up to 30 s between restarts of a worker that keeps dying. */
export const defaultRestartDelayMs = (failures: number) => Math.min(30_000, 250 * 2 ** (failures - 1))

type Slot = {
  index: number
  worker: Worker | null
  startedAt: number
  failures: number
  timer: NodeJS.Timeout | null
}

const isStartupQuery = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as WorkerMessage).type === 'trolyso:startup?'

/**
 * Forks `count` workers running this same entry (`process.argv[1]`), each with
 * `TROLYSO_WORKER_INDEX` set. Call only in the primary.
 */
export const startWorkers = ({
  count,
  log,
  startup,
  restartDelayMs = defaultRestartDelayMs,
  stableMs = 30_000,
  stopTimeoutMs = 15_000,
}: StartWorkersOptions): RunningWorkers => {
  let phase = startup
  /** The last knowledge-base version passed on: each is passed on once. */
  let knowledgeVersion: string | null = null
  let stopping = false
  let announced = false
  let announce: (url: string) => void = () => {}
  let failToStart: (error: Error) => void = () => {}
  const started = new Promise<string>((resolve, reject) => {
    announce = resolve
    failToStart = reject
  })
  const listened = new Set<number>()
  const slots: Slot[] = Array.from({ length: count }, (_, index) => ({
    index,
    worker: null,
    startedAt: 0,
    failures: 0,
    timer: null,
  }))

  const tell = (worker: Worker, message: WorkerMessage) => {
    if (!worker.isConnected()) return
    // The callback keeps a worker that is just exiting from raising an error here.
    worker.send(message, undefined, undefined, () => {})
  }

  const fork = (slot: Slot) => {
    slot.timer = null
    slot.startedAt = Date.now()
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(slot.index) })
    slot.worker = worker
    const pid = worker.process.pid
    worker.on('message', (message: unknown) => {
      if (isStartupQuery(message)) tell(worker, { type: 'trolyso:startup', phase })
      if (isKnowledgeChange(message) && message.version !== knowledgeVersion) {
        knowledgeVersion = message.version
        for (const other of slots) if (other.worker && other.worker !== worker) tell(other.worker, message)
      }
    })
    worker.on('error', (error: Error) => log.warn('worker channel error', { worker: slot.index, pid, error }))
    worker.on('listening', (address: AddressInfo & { address: string | null }) => {
      listened.add(slot.index)
      if (!announced && listened.size === count) {
        announced = true
        announce(`http://${address.address ?? '127.0.0.1'}:${address.port}`)
      }
    })
    worker.on('exit', (code, signal) => {
      if (slot.worker === worker) slot.worker = null
      if (stopping) {
        log.info('worker stopped', { worker: slot.index, pid, code, signal })
        return
      }
      if (!announced) {
        stopping = true
        failToStart(
          new Error(`worker ${slot.index} exited (${code ?? signal}) before listening; its log says why`),
        )
        return
      }
      const lived = Date.now() - slot.startedAt
      slot.failures = lived >= stableMs ? 1 : slot.failures + 1
      const delayMs = restartDelayMs(slot.failures)
      log.error('worker exited, restarting it', {
        worker: slot.index,
        pid,
        code,
        signal,
        livedMs: lived,
        failuresInARow: slot.failures,
        restartInMs: delayMs,
      })
      slot.timer = setTimeout(() => fork(slot), delayMs)
    })
  }

  for (const slot of slots) fork(slot)

  return {
    started,
    setStartup: (next) => {
      phase = next
      for (const slot of slots) if (slot.worker) tell(slot.worker, { type: 'trolyso:startup', phase })
    },
    pids: () => slots.map((slot) => slot.worker?.process.pid ?? null),
    stop: async () => {
      stopping = true
      for (const slot of slots) if (slot.timer) clearTimeout(slot.timer)
      await Promise.all(
        slots.map(({ worker }) =>
          worker && !worker.isDead()
            ? new Promise<void>((resolve) => {
                const kill = setTimeout(() => worker.process.kill('SIGKILL'), stopTimeoutMs)
                worker.once('exit', () => {
                  clearTimeout(kill)
                  resolve()
                })
                worker.process.kill('SIGTERM')
              })
            : Promise.resolve(),
        ),
      )
    },
  }
}
