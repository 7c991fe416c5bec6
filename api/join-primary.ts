/**
 * The worker's side of `WORKERS=n` (api/start-workers.ts): asks the primary where first-start
 * loading stands and follows it, so every worker's /healthz reports "loading n/N" while the
 * primary loads the national export, and becomes ready only after this worker's own index
 * holds the loaded procedures.
 * @module
 */
import type { WorkerMessage } from './start-workers.ts'
import { createStartupStatus, type StartupStatus } from './startup-status.ts'

export type JoinedPrimary = {
  startup: StartupStatus
  /**
   * Resolves when the primary has finished loading the knowledge base; null when nothing was
   * being loaded. The caller refreshes its index, then marks `startup` ready.
   */
  seeded: Promise<void> | null
}

export type JoinPrimaryOptions = {
  /** The channel to the primary: `process` in a forked worker. */
  channel?: Pick<NodeJS.Process, 'on' | 'off' | 'send'>
  timeoutMs?: number
}

const isStartup = (message: unknown): message is Extract<WorkerMessage, { type: 'trolyso:startup' }> =>
  typeof message === 'object' && message !== null && (message as WorkerMessage).type === 'trolyso:startup'

/** @throws Error when the primary does not answer within `timeoutMs` */
export const joinPrimary = ({ channel = process, timeoutMs = 10_000 }: JoinPrimaryOptions = {}) =>
  new Promise<JoinedPrimary>((resolve, reject) => {
    const startup = createStartupStatus()
    let markSeeded: () => void = () => {}
    let joined = false
    const timer = setTimeout(
      () => reject(new Error(`the primary process did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
    channel.on('message', (message: unknown) => {
      if (!isStartup(message)) return
      const { phase } = message
      if (phase.phase === 'loading') startup.loading(phase.done, phase.total)
      else markSeeded()
      if (joined) return
      joined = true
      clearTimeout(timer)
      if (phase.phase === 'ready') return resolve({ startup, seeded: null })
      const seeded = new Promise<void>((done) => {
        markSeeded = done
      })
      resolve({ startup, seeded })
    })
    const query: WorkerMessage = { type: 'trolyso:startup?' }
    channel.send?.(query)
  })
