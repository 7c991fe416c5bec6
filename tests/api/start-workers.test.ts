import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textUpdate } from '../bot/telegram/telegram-updates.ts'
import { type FakeTelegramServer, startFakeTelegramServer } from '../helpers/fake-telegram-server.ts'
import { startServer } from '../helpers/start-server.ts'
import { useServer } from '../helpers/use-servers.ts'

type Health = {
  status: string
  procedures: number
  loading?: string
  worker?: { index: number; pid: number }
}

/** One request on a connection of its own, so the primary hands each to the next worker. */
const send = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const options = { method: init.method ?? 'GET', headers: init.headers, agent: false, timeout: 10_000 }
    const req = request(url, options, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 10 s`)))
    req.end(init.body)
  })

const health = async (url: string) => {
  const res = await send(`${url}/healthz`)
  return { status: res.status, body: JSON.parse(res.body) as Health }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const SECRET = 'workers_secret_0123'
const ADMIN_TOKEN = 'workers-admin-token-0123'

describe('WORKERS=2: two processes on one port', () => {
  let fake: FakeTelegramServer
  const pids = new Map<number, number>()
  beforeAll(async () => {
    fake = await startFakeTelegramServer()
  })
  afterAll(() => fake?.close())
  const server = useServer({
    name: 'workers',
    env: () => ({
      WORKERS: '2',
      // Never polled: a change reaches the other worker only because it is told.
      KB_REFRESH_SECONDS: '0',
      ADMIN_TOKEN,
      PUBLIC_URL: 'https://trolyso.example.vn',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: fake.apiRoot,
    }),
    timeoutMs: 120_000,
  })

  it('answers from both workers, each naming itself on /healthz', async () => {
    for (let i = 0; i < 10 && pids.size < 2; i += 1) {
      const { status, body } = await health(server.url)
      expect(status).toBe(200)
      expect(body).toMatchObject({ status: 'ok', procedures: 75 })
      pids.set(body.worker!.index, body.worker!.pid)
    }
    expect([...pids.keys()].sort()).toEqual([0, 1])
    expect(pids.get(0)).not.toBe(pids.get(1))
    expect(pids.get(0)).not.toBe(server.child.pid)
    // The banner is printed once, by the primary.
    expect(server.output().match(/trolyso đang chạy tại/g)).toHaveLength(1)
  })

  it('answers a webhook update delivered to both workers once', async () => {
    const update = JSON.stringify(textUpdate(8101, 'làm lại căn cước bị mất'))
    const deliver = () =>
      send(`${server.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: update,
      })
    // Connections alternate between the workers: four deliveries reach each of them twice.
    for (let i = 0; i < 4; i += 1) expect((await deliver()).status).toBe(200)
    await fake.waitFor('sendMessage', 1, 15_000)
    await new Promise((r) => setTimeout(r, 1500))
    expect(fake.sent('sendMessage').filter((c) => c.payload['chat_id'] === 8101)).toHaveLength(1)
    // Only the leader registers the webhook.
    expect(fake.sent('setWebhook')).toHaveLength(1)
  })

  it('tells the other worker of an admin edit at once, without waiting for a refresh check', async () => {
    const search = async (q: string) => {
      const res = await send(`${server.url}/v1/procedures?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(200)
      return (JSON.parse(res.body) as { results: { code: string; name: string }[] }).results
    }
    const [passport] = await search('cấp hộ chiếu phổ thông')
    expect(passport).toBeDefined()
    const edit = await send(`${server.url}/v1/admin/procedures/${passport!.code}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ changes: { name: `${passport!.name} zzqxworker` }, reason: 'Thử đổi tên' }),
    })
    expect(edit.status).toBe(200)
    // The worker that took the edit rebuilt before answering; the other one is told through the
    // primary and rebuilds in the background (a few hundred milliseconds for the starter set).
    await new Promise((r) => setTimeout(r, 1500))
    // Connections alternate between the workers: six searches ask each of them three times.
    for (let i = 0; i < 6; i += 1)
      expect((await search('zzqxworker'))[0]?.code, `search ${i}`).toBe(passport!.code)
  })

  it('restarts a worker that dies while the port keeps answering', async () => {
    const victim = pids.get(1)!
    process.kill(victim, 'SIGKILL')
    // A connection handed to the worker in the instant it was killed is lost with it; once the
    // primary has seen the exit, every connection goes to a live worker.
    const exited = new RegExp(
      `"msg":"worker exited, restarting it","worker":1,"pid":${victim},.*"signal":"SIGKILL"`,
    )
    await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(exited)
    const deadline = Date.now() + 100_000
    let replacement: number | undefined
    while (replacement === undefined) {
      expect(Date.now()).toBeLessThan(deadline)
      const { status, body } = await health(server.url)
      expect(status).toBe(200)
      if (body.worker!.index === 1 && body.worker!.pid !== victim) replacement = body.worker!.pid
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(isAlive(victim)).toBe(false)
    pids.set(1, replacement)
  }, 120_000)

  it('stops every process on SIGTERM with exit code 0', async () => {
    await server.stop()
    expect(server.child.exitCode).toBe(0)
    for (const pid of pids.values()) expect(isAlive(pid)).toBe(false)
    // Each worker finished its own shutdown (closed the server and the database) and exited 0.
    for (const [index, pid] of pids)
      expect(server.output()).toContain(`"msg":"worker stopped","worker":${index},"pid":${pid},"code":0`)
    expect(server.output()).not.toMatch(/"msg":"worker exited, restarting it","worker":0/)
  })
})

describe('WORKERS=2 with Telegram long polling', () => {
  let fake: FakeTelegramServer
  beforeAll(async () => {
    fake = await startFakeTelegramServer()
  })
  afterAll(() => fake?.close())
  const server = useServer({
    name: 'workers-polling',
    env: () => ({ WORKERS: '2', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }),
    timeoutMs: 120_000,
  })

  it('polls getUpdates from one process only and answers each update once', async () => {
    fake.queueUpdate(textUpdate(8201, '/privacy'))
    await fake.waitFor('sendMessage', 1, 20_000)
    // Let both workers run for a few long-poll rounds (the fake holds each for up to 1 s).
    await new Promise((r) => setTimeout(r, 3000))
    const polls = fake.sent('getUpdates').sort((a, b) => a.receivedAt - b.receivedAt)
    expect(polls.length).toBeGreaterThanOrEqual(2)
    // One poller asks again only after the previous answer; two would overlap.
    for (let i = 1; i < polls.length; i += 1)
      expect(polls[i]!.receivedAt).toBeGreaterThanOrEqual(polls[i - 1]!.at)
    expect(fake.sent('deleteWebhook')).toHaveLength(1)
    expect(fake.sent('setMyCommands')).toHaveLength(1)
    expect(server.output().match(/"msg":"telegram long polling started"/g)).toHaveLength(1)
    expect(fake.sent('sendMessage').filter((c) => c.payload['chat_id'] === 8201)).toHaveLength(1)
  }, 30_000)
})

describe('WORKERS=2 when the workers cannot start', () => {
  it('stops with the cause instead of restarting them forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trolyso-workers-broken-'))
    try {
      const missing = join(dir, 'no-such-synonyms.json')
      const error = await startServer(
        { DATA_DIR: dir, WORKERS: '2', KB_SYNONYMS_FILE: missing },
        120_000,
      ).then(
        () => null,
        (e: Error) => e,
      )
      expect(error?.message).toContain('server exited (1) before listening')
      expect(error?.message).toContain(missing)
      expect(error?.message).toMatch(/trolyso failed to start: worker \d exited \(1\) before listening/)
      expect(error?.message).not.toContain('worker exited, restarting it')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 130_000)
})

describe('WORKERS=2 on a first start that loads the national export', () => {
  const server = useServer({
    name: 'workers-national',
    env: () => ({ WORKERS: '2', KB_SEED: 'national' }),
    timeoutMs: 120_000,
  })

  it('has every worker report the loading, then serve all 2,642 procedures', async () => {
    const seen = new Map<number, Health[]>([
      [0, []],
      [1, []],
    ])
    const ready = new Set<number>()
    const deadline = Date.now() + 240_000
    while (ready.size < 2) {
      expect(Date.now()).toBeLessThan(deadline)
      const { status, body } = await health(server.url)
      seen.get(body.worker!.index)!.push(body)
      if (status === 200) {
        expect(body).toMatchObject({ status: 'ok', procedures: 2642 })
        ready.add(body.worker!.index)
      } else {
        expect(status).toBe(503)
        // Never "starting" with an empty index: a worker says it is loading until it can answer.
        expect(body.status).toBe('loading')
        expect(body.loading).toMatch(/^loading( \d+\/\d+)?$/)
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    for (const index of [0, 1]) expect(seen.get(index)![0]!.status).toBe('loading')
    // The primary loaded the export once.
    expect(server.output().match(/"msg":"knowledge base seeded"/g)).toHaveLength(1)
    const ask = await send(`${server.url}/v1/procedures/1.000178`)
    expect(ask.status).toBe(200)
  }, 250_000)
})
