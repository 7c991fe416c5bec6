/**
 * `npm run bench:bot`: webhook-to-reply latency of the Telegram bot. The real server
 * (`node api/main.ts`, its own process, seeded libSQL file database, PUBLIC_URL set so the
 * webhook is mounted and registered) gets Telegram updates at `/webhooks/telegram` over HTTP
 * on 127.0.0.1; it answers each through the real knowledge base and sends the reply to a fake
 * Bot API on 127.0.0.1 (in this process) before returning 200. Latency per update runs from
 * sending the webhook to its 200, i.e. until its sendMessage calls were accepted.
 *
 * Three loads: a burst of 200 updates at once from 200 chats (worst case: they queue behind
 * each other on one event loop), 200 chats at Telegram's default webhook concurrency
 * (max_connections 40, as fast as the server answers), and 200 chats sending a steady
 * BENCH_RATE updates/s (default 150; a busy hour is far less). Target: p99 ≤ 50 ms.
 * BENCH_WORKERS=n runs the server with `WORKERS=n` (one port, n processes; default 1).
 * Bounded: a 120 s watchdog ends the run.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeTelegramServer } from '../tests/helpers/fake-telegram-server.ts'
import { startServer } from '../tests/helpers/start-server.ts'

const CONCURRENT = Number(process.env['BENCH_CONCURRENT'] ?? 200)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5)
const RATE = Number(process.env['BENCH_RATE'] ?? 150)
const WORKERS = process.env['BENCH_WORKERS'] ?? '1'
const SECRET = 'bench_secret_0123456789'
const QUESTIONS = [
  'làm lại căn cước bị mất',
  'lam lai can cuoc bi mat',
  'đăng ký khai sinh cần giấy tờ gì',
  'đổi bằng lái xe hết bao nhiêu tiền',
  'giấy phép lái xe',
  'căn cước',
  'đăng ký kết hôn ở đâu',
  'hộ chiếu làm online được không',
  'xin chào',
  'thời tiết hôm nay thế nào',
]

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-bot-'))
const fake = await startFakeTelegramServer()
const server = await startServer(
  {
    DATA_DIR: dir,
    PUBLIC_URL: 'https://trolyso.example.vn',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.apiRoot,
    KB_REFRESH_SECONDS: '0',
    WORKERS,
    ...(process.env['BENCH_PROFILE_DIR']
      ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}` }
      : {}),
  },
  90_000,
)
const base = server.url
const watchdog = setTimeout(() => {
  process.stderr.write('bench:bot exceeded 120 s, aborting\n')
  void server.stop().finally(() => process.exit(1))
}, 120_000)

let updateId = 1
const update = (chatId: number, text: string) => ({
  update_id: updateId++,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Lan' },
    from: { id: chatId, is_bot: false, first_name: 'Lan' },
    text,
  },
})

const post = async (body: unknown): Promise<number> => {
  const started = performance.now()
  const response = await fetch(`${base}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
    body: JSON.stringify(body),
  })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`)
  return performance.now() - started
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN

let chat = 10_000
/** Sends `CONCURRENT` updates from distinct chats with at most `connections` in flight. */
const round = async (connections: number) => {
  const batch = Array.from({ length: CONCURRENT }, (_, i) => update(chat++, QUESTIONS[i % QUESTIONS.length]!))
  const before = fake.sent('sendMessage').length
  const latencies: number[] = []
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(connections, batch.length) }, async () => {
      while (next < batch.length) latencies.push(await post(batch[next++]))
    }),
  )
  const wall = performance.now() - started
  return { latencies, wall, replies: fake.sent('sendMessage').length - before }
}

const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  }
}

// Warm-up: JIT, bot init (getMe), prepared statements, connection pools.
await round(CONCURRENT)
await round(40)

console.log(
  `bench:bot — Telegram updates through the real server's /webhooks/telegram (${ROUNDS} rounds each, WORKERS=${WORKERS})`,
)
const results: Record<string, number> = {}
for (const [name, connections] of [
  [`burst: ${CONCURRENT} updates at once`, CONCURRENT],
  [`${CONCURRENT} chats, 40 connections (Telegram's default max_connections)`, 40],
] as const) {
  const all: number[] = []
  let wall = 0
  let replies = 0
  for (let r = 0; r < ROUNDS; r += 1) {
    const result = await round(connections)
    all.push(...result.latencies)
    wall += result.wall
    replies += result.replies
  }
  const s = summary(all)
  results[name] = s.p99
  console.log(`  ${name}`)
  console.log(
    `    n=${all.length}  p50 ${s.p50.toFixed(1)} ms  p90 ${s.p90.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  throughput ${((all.length / wall) * 1000).toFixed(0)} updates/s  (${replies} sendMessage)`,
  )
}
{
  // Open loop: 200 chats, updates sent on a fixed schedule whatever the server's latency.
  const total = RATE * 4
  const latencies: number[] = []
  const started = performance.now()
  const sends: Promise<void>[] = []
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    const text = QUESTIONS[i % QUESTIONS.length]!
    sends.push(post(update(20_000 + (i % CONCURRENT), text)).then((ms) => void latencies.push(ms)))
  }
  await Promise.all(sends)
  const s = summary(latencies)
  const name = `${CONCURRENT} chats at a steady ${RATE} updates/s`
  results[name] = s.p99
  console.log(`  ${name}`)
  console.log(
    `    n=${latencies.length}  p50 ${s.p50.toFixed(1)} ms  p90 ${s.p90.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`,
  )
}
for (const [name, p99] of Object.entries(results))
  console.log(`  target p99 ≤ 50 ms — ${name}: ${p99 <= 50 ? 'met' : 'NOT met'}`)

await server.stop()
await fake.close()
rmSync(dir, { recursive: true, force: true })
clearTimeout(watchdog)
