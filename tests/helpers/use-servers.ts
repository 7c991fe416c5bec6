/**
 * Real servers (`node api/main.ts`) over one fresh DATA_DIR for a describe block: started before
 * its tests, stopped and the folder removed after them. Used by the tests of whole processes
 * (WORKERS=n, two processes over one database, first start, memory of the primary).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { type RunningServer, startServer } from './start-server.ts'

/** A server's settings on top of DATA_DIR, given that folder. */
export type ServerEnv = (dir: string) => Record<string, string>

/** A server of the block; what it gives is that of the process running at the time it is read. */
export type ServerHandle = RunningServer & {
  /** the DATA_DIR the block's servers share */
  readonly dir: string
  /** stops the server (when it still runs) and starts it again with the same settings */
  restart: () => Promise<void>
}

/**
 * For the describe block it is called in: before its tests, a fresh DATA_DIR in the system's
 * temp folder and one server per `envs` entry started over it, one after the other (as
 * `npm start` twice on one machine); after them, every server stopped (also when a test stopped
 * it itself) and the folder removed.
 * @param name part of the folder's name (`trolyso-<name>-…`)
 * @param envs each server's settings; read in `beforeAll`, so they may use what an earlier
 *   `beforeAll` of the block started (a fake Telegram …)
 * @param timeoutMs how long each server may take to listen
 */
export const useServers = <const T extends readonly ServerEnv[]>({
  name,
  envs,
  timeoutMs = 30_000,
}: {
  name: string
  envs: T
  timeoutMs?: number
}): { [K in keyof T]: ServerHandle } => {
  let dir = ''
  const running: RunningServer[] = []
  const start = (index: number) => startServer({ DATA_DIR: dir, ...envs[index]!(dir) }, timeoutMs)
  beforeAll(
    async () => {
      dir = mkdtempSync(join(tmpdir(), `trolyso-${name}-`))
      for (let index = 0; index < envs.length; index += 1) running.push(await start(index))
    },
    envs.length * timeoutMs + 10_000,
  )
  afterAll(async () => {
    for (const server of running) await server.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  const current = (index: number) => {
    const server = running[index]
    if (!server) throw new Error(`server ${index} of ${name} has not started`)
    return server
  }
  const handle = (index: number): ServerHandle => ({
    get dir() {
      return dir
    },
    get url() {
      return current(index).url
    },
    get child() {
      return current(index).child
    },
    output: () => current(index).output(),
    stop: () => current(index).stop(),
    restart: async () => {
      await current(index).stop()
      running[index] = await start(index)
    },
  })
  return envs.map((_, index) => handle(index)) as { [K in keyof T]: ServerHandle }
}

/** {@link useServers} with one server. */
export const useServer = ({
  name,
  env = () => ({}),
  timeoutMs,
}: {
  name: string
  env?: ServerEnv
  timeoutMs?: number
}): ServerHandle => {
  const [server] = useServers({ name, envs: [env], timeoutMs })
  return server
}
