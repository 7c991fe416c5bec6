/**
 * `npm run bench:serve`: requests per second of one server process (`node api/main.ts` over the
 * 2,642 national procedures, rate limits off) for three operations, each driven for
 * BENCH_SECONDS (default 5) by BENCH_CONNECTIONS (default 10) keep-alive clients on 127.0.0.1:
 * `GET /healthz` (a trivial request), `GET /v1/procedures?q=…` (search) and `POST /v1/ask`
 * (an answer). Prints throughput, p50/p99 latency and the ratios to /healthz
 * (targets: search ≥ 0.30, answer ≥ 0.20). Bounded by a 180 s watchdog.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../tests/helpers/start-server.ts'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10)
const QUESTIONS = [
  'làm lại căn cước bị mất',
  'lam lai cccd bi mat o dau',
  'đăng ký khai sinh cần giấy tờ gì',
  'đổi GPLX hết bao nhiêu',
  'hộ chiếu làm online được không',
  'đăng ký kết hôn với người nước ngoài',
  'cấp phiếu lý lịch tư pháp mấy ngày',
  'thành lập hộ kinh doanh',
  'sổ đỏ cấp lại',
  'đăng ký thường trú cho con',
]

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-serve-'))
const watchdog = setTimeout(() => {
  process.stderr.write('bench:serve exceeded 180 s, aborting\n')
  process.exit(1)
}, 180_000)
const server = await startServer(
  {
    DATA_DIR: dir,
    KB_SEED: 'national',
    KB_REFRESH_SECONDS: '0',
    LOG_LEVEL: 'info',
    RATE_LIMIT_ASK_PER_MINUTE: '0',
    RATE_LIMIT_CHAT_PER_MINUTE: '0',
  },
  60_000,
)
// Wait until the national export is searchable.
for (;;) {
  const res = await fetch(`${server.url}/healthz`)
  if (res.status === 200) break
  await new Promise((r) => setTimeout(r, 250))
}
const { hostname, port } = new URL(server.url)
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })

type Op = { name: string; make: (i: number) => { method: string; path: string; body?: string } }
const OPS: Op[] = [
  { name: 'GET /healthz', make: () => ({ method: 'GET', path: '/healthz' }) },
  {
    name: 'GET /v1/procedures',
    make: (i) => ({
      method: 'GET',
      path: `/v1/procedures?q=${encodeURIComponent(QUESTIONS[i % QUESTIONS.length]!)}&limit=5`,
    }),
  },
  {
    name: 'POST /v1/ask',
    make: (i) => ({
      method: 'POST',
      path: '/v1/ask',
      body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length] }),
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

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

const run = async (op: Op) => {
  const latencies: number[] = []
  let errors = 0
  let i = 0
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
  latencies.sort((a, b) => a - b)
  return {
    name: op.name,
    rps: latencies.length / SECONDS,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors,
  }
}

try {
  // A short warm-up, so the first measured operation does not pay for JIT compilation.
  for (const op of OPS) for (let k = 0; k < 50; k++) await send(op.make(k))
  const rows = []
  for (const op of OPS) rows.push(await run(op))
  const base = rows[0]!.rps
  console.log(
    `bench:serve — one process, ${CONNECTIONS} connections, ${SECONDS} s per operation, 2,642 procedures`,
  )
  console.log('operation             req/s     p50 ms   p99 ms   ratio to /healthz  errors')
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(8)} ${(r.rps / base).toFixed(2).padStart(12)} ${String(r.errors).padStart(12)}`,
    )
  }
  console.log('targets: search ratio ≥ 0.30, answer ratio ≥ 0.20')
} finally {
  clearTimeout(watchdog)
  agent.destroy()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
