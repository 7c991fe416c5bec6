/**
 * `npm start` with a DATA_DIR the server cannot write. The server runs as an unprivileged
 * user (when the tests run as root, for whom file modes do not stop writes, it is started as
 * `nobody`), so the folder really is read-only for it: an empty or missing folder stops the
 * start within seconds with a message naming DATA_DIR and saying it must be writable, without
 * a stack trace. An existing database is never damaged: closed cleanly (no WAL files), the
 * start stops with the same message; left with its WAL files (a crash), it is served read-only:
 * questions are answered (their rate limit counted in the process), writes are refused with
 * 503 and /healthz says why.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../knowledge/db/client.ts'
import { repoRoot } from '../helpers/paths.ts'
import { ServerExitedError, startServer } from '../helpers/start-server.ts'

const NOBODY = 65534
const isRoot = process.getuid?.() === 0
/** As root the server runs as `nobody`, which must be able to read the repository. */
const canDropPrivileges =
  !isRoot ||
  spawnSync(
    process.execPath,
    ['-e', `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'api/main.ts'))})`],
    {
      uid: NOBODY,
      gid: NOBODY,
    },
  ).status === 0
const unprivileged = isRoot ? { uid: NOBODY, gid: NOBODY } : {}

type Run = { code: number | null; output: string; ms: number; url: string | null; stop: () => Promise<void> }

/** Starts `node api/main.ts` unprivileged; resolves when it exits or listens. */
const start = async (env: Record<string, string>, timeoutMs = 60_000): Promise<Run> => {
  const started = performance.now()
  try {
    const server = await startServer(env, timeoutMs, [], unprivileged)
    return {
      code: null,
      output: server.output(),
      ms: performance.now() - started,
      url: server.url,
      stop: server.stop,
    }
  } catch (error) {
    if (!(error instanceof ServerExitedError)) throw error
    const { code, output } = error
    return { code, output, ms: performance.now() - started, url: null, stop: async () => {} }
  }
}

/** Servers started by a test, stopped after it even when an expectation failed. */
const started: Run[] = []
afterEach(async () => {
  for (const run of started.splice(0)) await run.stop()
})

const expectClearRefusal = (run: Run, dataDir: string) => {
  started.push(run)
  expect(run.url).toBeNull()
  expect(run.code).toBe(1)
  expect(run.output).toContain(`DATA_DIR ${dataDir}`)
  expect(run.output).toMatch(/writable/)
  expect(run.output).not.toMatch(/\n\s+at /) // no stack trace
  // Seconds on a quiet machine; most of it is loading the modules, which is slow on a busy one.
  expect(run.ms).toBeLessThan(40_000)
}

/** Makes a folder and everything in it read-only (and the files readable) for the server. */
const freeze = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444)
  }
  chmodSync(dir, 0o555)
}
const thaw = (dir: string) => {
  chmodSync(dir, 0o755)
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644)
  }
}

/** What the database holds, read by the test (not the server). */
const stored = async (dir: string) => {
  const db = await createDb({ url: `file:${join(dir, 'trolyso.db')}` })
  try {
    const count = async (table: string) =>
      Number((await db.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.['n'])
    const integrity = (await db.$client.execute('PRAGMA integrity_check')).rows[0]?.['integrity_check']
    return {
      procedures: await count('procedures'),
      interactions: await count('interactions'),
      sessions: await count('chat_sessions'),
      integrity,
    }
  } finally {
    db.$client.close()
  }
}

// Skipped only off CI: on CI an unreadable checkout is a broken set-up, not a reason to skip.
describe.skipIf(!canDropPrivileges && !process.env['CI'])('a DATA_DIR the server cannot write', () => {
  let base: string
  /** A database a running server had written to, copied while that server was killed (-9). */
  let seeded: string
  beforeAll(async () => {
    if (!canDropPrivileges) {
      throw new Error(
        `the server runs as nobody here, which cannot read ${repoRoot}: make the checkout readable`,
      )
    }
    base = mkdtempSync(join(tmpdir(), 'trolyso-read-only-'))
    chmodSync(base, 0o755)
    seeded = join(base, 'seeded')
    mkdirSync(seeded)
    const server = await startServer({ DATA_DIR: seeded })
    const res = await fetch(`${server.url}/v1/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'làm hộ chiếu ở đâu' }),
    })
    expect(res.status).toBe(200)
    // Killed, not stopped: its WAL files stay beside the database, as after a crash.
    server.child.kill('SIGKILL')
    await new Promise((done) => server.child.once('exit', done))
  }, 90_000)
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true })
  })

  it('an empty folder: stops within seconds naming DATA_DIR and saying it must be writable', async () => {
    const dir = join(base, 'empty')
    mkdirSync(dir)
    chmodSync(dir, 0o555)
    const run = await start({ DATA_DIR: dir })
    expectClearRefusal(run, dir)
    // SQLite's cause by name (libSQL itself says only `ConnectionFailed(…: 14)`).
    expect(run.output).toContain('SQLITE_CANTOPEN: unable to open database file')
    expect(run.output).toContain('check that the folder exists and is writable')
  })

  it('a folder that cannot be created (its parent is read-only): the same clear refusal', async () => {
    const parent = join(base, 'locked-parent')
    mkdirSync(parent)
    chmodSync(parent, 0o555)
    const dir = join(parent, 'data')
    expectClearRefusal(await start({ DATA_DIR: dir }), dir)
  })

  it('a database closed cleanly: the start stops with the clear refusal and nothing stored is lost', async () => {
    const dir = join(base, 'clean')
    cpSync(seeded, dir, { recursive: true })
    // A clean shutdown leaves the database alone, without WAL files.
    const db = await createDb({ url: `file:${join(dir, 'trolyso.db')}` })
    const [checkpoint] = (await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)')).rows
    expect(checkpoint?.['busy']).toBe(0)
    db.$client.close()
    // What SQLite leaves when the last connection closes: the WAL, now empty, is gone.
    expect(statSync(join(dir, 'trolyso.db-wal')).size).toBe(0)
    rmSync(join(dir, 'trolyso.db-wal'))
    rmSync(join(dir, 'trolyso.db-shm'), { force: true })
    const before = await stored(dir)
    expect(before.procedures).toBeGreaterThanOrEqual(60)
    expect(before.interactions).toBeGreaterThanOrEqual(1)
    freeze(dir)
    try {
      expectClearRefusal(await start({ DATA_DIR: dir }), dir)
    } finally {
      thaw(dir)
    }
    expect(await stored(dir)).toEqual({ ...before, integrity: 'ok' })
  })

  it('a database left with its WAL files: served read-only (answers, writes refused with 503, /healthz says why), nothing lost', async () => {
    const dir = join(base, 'crashed')
    cpSync(seeded, dir, { recursive: true })
    // Counted on another copy: opening a database may fold its WAL in.
    const counted = join(base, 'counted')
    cpSync(seeded, counted, { recursive: true })
    const expected = await stored(counted)
    expect(expected.interactions).toBeGreaterThanOrEqual(1)
    freeze(dir)
    const run = await start({ DATA_DIR: dir })
    try {
      // SQLite opens a database whose WAL index it cannot write read-only, from the files as they are.
      expect(run.url, run.output).not.toBeNull()
      const health = await fetch(`${run.url}/healthz`)
      expect(health.status).toBe(503)
      const body = (await health.json()) as { checks: { database: { writable: boolean; reason: string } } }
      expect(body.checks.database.writable).toBe(false)
      expect(body.checks.database.reason).toMatch(/SQLITE_READONLY/)
      const answer = await fetch(`${run.url}/v1/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'làm hộ chiếu ở đâu' }),
      })
      expect(answer.status).toBe(200)
      const write = await fetch(`${run.url}/v1/chat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'đăng ký khai sinh' }),
      })
      expect(write.status).toBe(503)
      expect(((await write.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE')
    } finally {
      await run.stop()
      thaw(dir)
    }
    expect(await stored(dir)).toEqual({ ...expected, integrity: 'ok' })
  })
})
