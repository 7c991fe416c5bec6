/**
 * `npm run bench:serve`: requests per second of one server process (`node api/main.ts` over the
 * 2,642 national procedures, rate limits off) for three operations, each driven for
 * BENCH_SECONDS (default 5) by BENCH_CONNECTIONS (default 10) keep-alive clients on 127.0.0.1:
 * `GET /healthz` (a trivial request), `GET /v1/procedures?q=…` (search) and `POST /v1/ask`
 * (an answer). Prints throughput, p50/p99 latency and the ratios to /healthz
 * (targets: search ≥ 0.30, answer ≥ 0.20), and the server's CPU time per request with the same ratios:
 * on a busy machine throughput follows what the other work leaves, CPU per request much less. BENCH_WORKERS=n runs the server with `WORKERS=n`
 * (one port, n processes; default 1). BENCH_QUESTIONS picks what is asked (bench/question-streams.ts):
 * `ten` (default, the ten everyday questions, so nearly every request is answered from the caches),
 * `eval` (every distinct evaluation question, cycled: nearly none is) or `zipf` (the same drawn by
 * popularity); the share of measured requests a cache of the server's size held is printed. Bounded by
 * a 180 s watchdog.
 * `BENCH_RATE_LIMIT_SCOPE=database|process` counts every ask against the rate limit in that
 * scope (never refusing), to measure the limit's cost.
 *
 * `npm run bench:profile` (`bench:serve -- --profile`): one server per operation (search,
 * answer), driven the same way, with the CPU profiler on only while the load runs (started and
 * stopped by signals, bench/profile-on-signal.ts); writes `bench/profiles/<operation>.cpuprofile`
 * (open in Chrome DevTools or speedscope for a flame graph) and prints the functions with the
 * most self time.
 * @module
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startServer } from '../tests/helpers/start-server.ts'
import { quantile } from './quantile.ts'
import { cacheHits, createQuestionStream, type QuestionStreamKind } from './question-streams.ts'

const { values: flags } = parseArgs({ options: { profile: { type: 'boolean', default: false } } })

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10)
const WORKERS = process.env['BENCH_WORKERS'] ?? '1'
/** Which questions are asked (bench/question-streams.ts): `ten` (default), `eval` or `zipf`. */
const QUESTIONS = process.env['BENCH_QUESTIONS'] ?? 'ten'
if (!['ten', 'eval', 'zipf'].includes(QUESTIONS)) {
  process.stderr.write(`BENCH_QUESTIONS must be ten, eval or zipf, not "${QUESTIONS}"\n`)
  process.exit(2)
}
const stream = createQuestionStream(QUESTIONS as QuestionStreamKind)
/** What the server keeps of each kind (its `KB_CACHE_ENTRIES`, inherited from this environment). */
const CACHE_ENTRIES = Number(process.env['KB_CACHE_ENTRIES'] ?? 1000)
/** Warm-up requests of each operation before the measured ones (the stream goes on from there). */
const WARM_UP = 500

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-serve-'))
const watchdog = setTimeout(() => {
  process.stderr.write('bench:serve exceeded 180 s, aborting\n')
  process.exit(1)
}, 180_000)
const profilesDir = fileURLToPath(new URL('./profiles/', import.meta.url))

const data = mkdtempSync(join(dir, 'data-'))
/**
 * Rate limits are off unless BENCH_RATE_LIMIT_SCOPE (`database` or `process`) is set: then
 * every request is counted in that scope, under a limit high enough never to refuse one, to
 * measure what counting costs.
 */
const limitScope = process.env['BENCH_RATE_LIMIT_SCOPE']
const limits: Record<string, string> = limitScope
  ? {
      RATE_LIMIT_SCOPE: limitScope,
      RATE_LIMIT_ASK_PER_MINUTE: '1000000000',
      RATE_LIMIT_CHAT_PER_MINUTE: '1000000000',
    }
  : { RATE_LIMIT_ASK_PER_MINUTE: '0', RATE_LIMIT_CHAT_PER_MINUTE: '0' }
const start = async (nodeArgs: string[] = [], env: Record<string, string> = {}) => {
  const server = await startServer(
    {
      DATA_DIR: data,
      KB_SEED: 'national',
      KB_REFRESH_SECONDS: '0',
      LOG_LEVEL: 'info',
      ...limits,
      WORKERS,
      ...env,
    },
    60_000,
    nodeArgs,
  )
  // Wait until the national export is searchable in every worker: each check on a connection of
  // its own, so that the primary hands them to the workers in turn.
  const healthy = () =>
    new Promise<boolean>((resolve) => {
      const req = request(`${server.url}/healthz`, { agent: false }, (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      })
      req.on('error', () => resolve(false))
      req.end()
    })
  for (let inARow = 0; inARow < 2 * Math.max(1, Number(WORKERS)); ) {
    inARow = (await healthy()) ? inARow + 1 : 0
    if (inARow === 0) await new Promise((r) => setTimeout(r, 250))
  }
  return server
}
let server = await start()
let { hostname, port } = new URL(server.url)
let agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })

type Op = { name: string; make: (i: number) => { method: string; path: string; body?: string } }
const OPS: Op[] = [
  { name: 'GET /healthz', make: () => ({ method: 'GET', path: '/healthz' }) },
  {
    name: 'GET /v1/procedures',
    make: (i) => ({ method: 'GET', path: `/v1/procedures?q=${encodeURIComponent(stream.at(i))}&limit=5` }),
  },
  {
    name: 'POST /v1/ask',
    make: (i) => ({
      method: 'POST',
      path: '/v1/ask',
      body: JSON.stringify({ text: stream.at(i) }),
    }),
  },
]

const send = ({ method, path, body }: { method: string; path: string; body?: string }) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      { hostname, port, method, path, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })

/**
 * CPU time (user + system, ms) the server's processes have used so far, from /proc: per request
 * it measures the work a request costs, which a busy machine changes far less than throughput.
 */
const serverCpuMs = (): number => {
  const pid = server.child.pid
  if (pid === undefined) return 0
  let children: number[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number)
  } catch {
    // not Linux: no CPU column
    return 0
  }
  let ticks = 0
  for (const p of [pid, ...children]) {
    // utime and stime are fields 14 and 15; the command name before them may hold spaces
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
  }
  return ticks * 10 // USER_HZ is 100 on Linux
}

/** Drives one operation from request `from` of the stream on (the ones before warmed the server up). */
const run = async (op: Op, from: number) => {
  const cpuBefore = serverCpuMs()
  const latencies: number[] = []
  let errors = 0
  let i = from
  const end = performance.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const started = performance.now()
        const status = await send(op.make(i++))
        if (status !== 200) errors++
        latencies.push(performance.now() - started)
      }
    }),
  )
  const cpuMs = serverCpuMs() - cpuBefore
  latencies.sort((a, b) => a - b)
  // The share of the measured requests a cache of the server's size already held, the warm-up included.
  const asked = Array.from({ length: i }, (_, k) => stream.index(k))
  return {
    cpuPerRequest: latencies.length ? cpuMs / latencies.length : 0,
    cached: cacheHits(asked, CACHE_ENTRIES, from),
    name: op.name,
    rps: latencies.length / SECONDS,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors,
  }
}

type Frame = { functionName: string; url: string; lineNumber: number }
type CpuProfile = {
  nodes: { id: number; callFrame: Frame }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time per function (name, file, line), largest first, as shares of all samples. */
const topSelfTime = (profile: CpuProfile, count: number) => {
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)
    const delta = profile.timeDeltas[i] ?? 0
    total += delta
    if (!frame) return
    const file = frame.url.replace(/^file:\/\/.*?\/(node_modules|api|bot|knowledge)\//, '$1/')
    const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + delta)
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
}

/** Waits until the server has printed `line` (bench/profile-on-signal.ts reports on stderr). */
const printed = async (line: string, count: number) => {
  const started = performance.now()
  while (server.output().split(line).length - 1 < count) {
    if (performance.now() - started > 60_000) throw new Error(`the server never printed "${line}"`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * One server per operation, profiled only while the load runs: after the warm-up SIGUSR2 starts
 * the profiler in the server (bench/profile-on-signal.ts), after the run a second one writes it.
 * Start-up (module loading, the index build) is left out, so the shares are of the load alone.
 */
const profile = async () => {
  mkdirSync(profilesDir, { recursive: true })
  await server.stop()
  agent.destroy()
  for (const op of OPS.slice(1)) {
    const target = join(profilesDir, `${op.name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.cpuprofile`)
    rmSync(target, { force: true })
    server = await start(['--import', './bench/profile-on-signal.ts'], { BENCH_PROFILE_FILE: target })
    ;({ hostname, port } = new URL(server.url))
    agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
    for (let k = 0; k < 200; k++) await send(op.make(k))
    server.child.kill('SIGUSR2')
    await printed('cpu profile started', 1)
    const r = await run(op, 200)
    server.child.kill('SIGUSR2')
    await printed('cpu profile written', 1)
    agent.destroy()
    await server.stop()
    console.log(`\n${op.name}: ${r.rps.toFixed(0)} req/s under the profiler; ${target}`)
    console.log('self time (the measured load only, start-up and warm-up left out):')
    for (const line of topSelfTime(JSON.parse(readFileSync(target, 'utf8')) as CpuProfile, 30))
      console.log(`  ${line}`)
  }
}

try {
  if (flags.profile) {
    await profile()
    process.exitCode = 0
  } else {
    // A warm-up (500 requests of each), so no measured operation pays for JIT compilation.
    for (const op of OPS) for (let k = 0; k < WARM_UP; k++) await send(op.make(k))
    const rows = []
    for (const op of OPS) rows.push(await run(op, WARM_UP))
    const base = rows[0]!.rps
    console.log(
      `bench:serve — WORKERS=${WORKERS}, ${CONNECTIONS} connections, ${SECONDS} s per operation, 2,642 procedures, rate limits ${limitScope ? `counted (${limitScope})` : 'off'}`,
    )
    console.log(
      'operation             req/s     p50 ms   p99 ms   ratio to /healthz  errors   server CPU ms/request  CPU ratio',
    )
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(8)} ${(r.rps / base).toFixed(2).padStart(12)} ${String(r.errors).padStart(12)} ${r.cpuPerRequest.toFixed(3).padStart(14)} ${(rows[0]!.cpuPerRequest / r.cpuPerRequest || 0).toFixed(2).padStart(18)}`,
      )
    }
    console.log('targets: search ratio ≥ 0.30, answer ratio ≥ 0.20')
    const share = (x: number) => `${(100 * x).toFixed(0)} %`
    console.log(
      `questions: ${QUESTIONS} (${stream.distinct.toLocaleString('en')} distinct${QUESTIONS === 'zipf' ? ', drawn by popularity' : ', cycled'}); measured requests a ${CACHE_ENTRIES.toLocaleString('en')}-entry cache already held: search ${share(rows[1]!.cached)}, answers ${share(rows[2]!.cached)}`,
    )
    console.log(
      "CPU ratio: /healthz CPU per request over the operation's (what the ratio would be with the cores to itself)",
    )
    // With WORKERS > 1 the primary serves nothing: the workers are its child processes. RSS
    // counts the shared libSQL library and Node's code in every process; PSS shares them out.
    const kb = (pid: number, file: string, field: string) =>
      Number(
        new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'))?.[1] ?? 0,
      ) / 1024
    const pid = server.child.pid!
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number)
    const pids = [pid, ...children]
    const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0).toFixed(0)
    const rss = pids.map((p) => kb(p, 'status', 'VmRSS'))
    const pss = pids.map((p) => kb(p, 'smaps_rollup', 'Pss'))
    const each = (sizes: number[]) =>
      children.length > 0
        ? ` (primary ${sizes[0]!.toFixed(0)}, workers ${sizes
            .slice(1)
            .map((m) => m.toFixed(0))
            .join(' + ')})`
        : ''
    console.log(`server memory after the run: RSS ${sum(rss)} MB${each(rss)}, PSS ${sum(pss)} MB${each(pss)}`)
  }
} finally {
  clearTimeout(watchdog)
  agent.destroy()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
