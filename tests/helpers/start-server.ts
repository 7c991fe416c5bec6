/**
 * Starts the real server (`node api/main.ts`) as a child process on a free port and waits
 * until it listens. Used by end-to-end tests.
 * @module
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import { repoRoot } from './paths.ts'

export type RunningServer = {
  url: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** The server exited before it listened: its exit code (or signal) and everything it printed. */
export class ServerExitedError extends Error {
  readonly code: number | null
  readonly output: string
  constructor(code: number | null, signal: NodeJS.Signals | null, output: string) {
    super(`server exited (${code ?? signal}) before listening:\n${output}`)
    this.code = code
    this.output = output
  }
}

/**
 * @param env environment on top of the current one (DATA_DIR, DATABASE_URL …); PORT defaults
 *   to 0 (any free port) and KB_SEED to `starter` (the 75 common procedures, seeded at once;
 *   tests of the national first start pass KB_SEED=national)
 * @param timeoutMs how long to wait for the "listening" line
 * @param nodeArgs Node options before the script (`--cpu-prof` …)
 * @param user the user the server runs as (`{ uid, gid }`), when not the test's own
 * @throws ServerExitedError when the server exits before it listens
 */
export const startServer = (
  env: Record<string, string>,
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
  user: Pick<SpawnOptions, 'uid' | 'gid'> = {},
): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, 'api/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', KB_SEED: 'starter', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    })
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /"msg":"trolyso listening","url":"(http:\/\/[^"]+)"/.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stderr?.off('data', onData)
        child.stderr?.on('data', (c: Buffer) => {
          output += c.toString()
        })
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stderr?.on('data', onData)
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString()
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new ServerExitedError(code, signal, output))
    })
  })
