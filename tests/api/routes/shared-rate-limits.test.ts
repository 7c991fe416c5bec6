/**
 * The HTTP limits (`RATE_LIMIT_ASK_PER_MINUTE`, `RATE_LIMIT_CHAT_PER_MINUTE`) with several
 * processes: two apps over the same libSQL file, each with its own connection, knowledge base
 * and limiter (what two processes see), share one limit per client address and per session
 * by default; `RATE_LIMIT_SCOPE=process` keeps each one's own count. Requests from both while
 * another process holds the write lock wait for it (busy timeout) instead of failing.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../api/app.ts'
import { composeServices } from '../../../api/compose-services.ts'
import { loadConfig } from '../../../api/config.ts'
import { messages } from '../../../bot/core/messages.ts'
import { createDb } from '../../../knowledge/db/client.ts'
import { createKnowledgeBase } from '../../../knowledge/knowledge-base.ts'
import { createLogger } from '../../../platform/logger.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import { repoRoot } from '../../helpers/paths.ts'
import { type InProcessApp, postJson, requestFrom, statusesInTurn } from '../../helpers/requests-from.ts'

type Instance = { request: (path: string, init: RequestInit, address: string) => Promise<Response> }

const open: (() => void)[] = []
afterEach(() => {
  for (const close of open.splice(0).reverse()) close()
})

/** A first app over a fresh migrated and seeded database, and a second one over the same file. */
const twoProcesses = async (env: Record<string, string>): Promise<[Instance, Instance, TestApp]> => {
  const first = await createTestApp(env)
  open.push(first.close)
  const db = await createDb({ url: first.testDb.url })
  const kb = await createKnowledgeBase({ db, refreshSeconds: 0 })
  open.push(() => {
    kb.close()
    db.$client.close()
  })
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: first.testDb.dir,
    DATABASE_URL: first.testDb.url,
    CA_DIR: join(first.testDb.dir, 'ca-second'),
    ...env,
  })
  const services = composeServices({ config, db, kb, log: createLogger('silent') })
  open.push(() => void services.stop())
  const second = createApp(services)
  const instance = (app: InProcessApp): Instance => ({
    request: (path, init, address) => requestFrom(app, address, path, init),
  })
  return [instance(first.app), instance(second), first]
}

const ask = (p: Instance, address: string, body: object = { text: 'hộ chiếu' }) =>
  p.request('/v1/ask', postJson(body), address)

const chat = (p: Instance, address: string, body: object) =>
  p.request('/v1/chat/messages', postJson(body), address)

describe('HTTP limits shared by two processes over one database (RATE_LIMIT_SCOPE=database, the default)', () => {
  it('/v1/ask: one address spread over both processes gets the (limit+1)-th request refused with Retry-After', async () => {
    const [a, b] = await twoProcesses({ RATE_LIMIT_ASK_PER_MINUTE: '4' })
    const statuses = await statusesInTurn(4, (i) => ask(i % 2 ? b : a, '198.51.100.20'))
    expect(statuses).toEqual([200, 200, 200, 200])
    // Each process has seen only two requests: counted per process this would pass.
    for (const p of [a, b]) {
      const refused = await ask(p, '198.51.100.20')
      expect(refused.status).toBe(429)
      const wait = Number(refused.headers.get('Retry-After'))
      expect(wait).toBeGreaterThanOrEqual(1)
      expect(wait).toBeLessThanOrEqual(15) // 4 a minute: one every 15 s
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED')
    }
    expect((await ask(b, '198.51.100.21')).status).toBe(200)
  })

  it('/v1/ask: one sessionId used from many addresses on both processes shares one limit', async () => {
    const [a, b] = await twoProcesses({ RATE_LIMIT_ASK_PER_MINUTE: '3' })
    const statuses = await statusesInTurn(4, (i) =>
      ask(i % 2 ? b : a, `203.0.113.${i + 1}`, { text: 'hộ chiếu', sessionId: 'shared-session-2' }),
    )
    expect(statuses).toEqual([200, 200, 200, 429])
  })

  it('web chat: a session continued on the other process, and one address, share their limits', async () => {
    const [a, b] = await twoProcesses({ RATE_LIMIT_CHAT_PER_MINUTE: '3' })
    const first = await chat(a, '203.0.113.30', { text: 'hộ chiếu' })
    expect(first.status).toBe(200)
    const { sessionId } = (await first.json()) as { sessionId: string }
    const statuses = await statusesInTurn(3, (i) =>
      chat(i % 2 ? a : b, `203.0.113.${31 + i}`, { sessionId, text: 'lệ phí' }),
    )
    expect(statuses).toEqual([200, 200, 429])

    const byAddress = await statusesInTurn(4, (i) =>
      chat(i % 2 ? b : a, '198.51.100.40', { text: 'hộ chiếu' }),
    )
    expect(byAddress).toEqual([200, 200, 200, 429])
  })

  it('concurrent requests to both processes spend each token once and never fail with 5xx', async () => {
    const [a, b] = await twoProcesses({ RATE_LIMIT_ASK_PER_MINUTE: '10', RATE_LIMIT_CHAT_PER_MINUTE: '1000' })
    const asks = Array.from({ length: 40 }, (_, i) => ask(i % 2 ? b : a, '198.51.100.50'))
    const chats = Array.from({ length: 30 }, (_, i) =>
      chat(i % 2 ? a : b, `203.0.113.${100 + i}`, { text: 'khai sinh' }),
    )
    const askStatuses = (await Promise.all(asks)).map((r) => r.status)
    const chatStatuses = (await Promise.all(chats)).map((r) => r.status)
    expect(askStatuses.filter((s) => s === 200)).toHaveLength(10)
    expect(askStatuses.filter((s) => s === 429)).toHaveLength(30)
    expect(chatStatuses).toEqual(Array(30).fill(200))
  })

  it('waits for another process holding the write lock instead of answering 5xx', async () => {
    const [a, b, first] = await twoProcesses({
      RATE_LIMIT_ASK_PER_MINUTE: '100',
      RATE_LIMIT_CHAT_PER_MINUTE: '100',
    })
    const holdMs = 2500
    // A third process takes the write lock (BEGIN IMMEDIATE) and keeps it for holdMs.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client'
         const client = createClient({ url: process.env.URL })
         const tx = await client.transaction('write')
         await tx.execute("INSERT INTO request_limits (key, tokens, at, granted) VALUES ('held', 0, 0, 0)")
         console.log('locked')
         await new Promise((r) => setTimeout(r, ${holdMs}))
         await tx.commit()
         client.close()`,
      ],
      { cwd: repoRoot, env: { ...process.env, URL: first.testDb.url }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise<number | null>((resolve) => holder.once('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
      holder.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)))
    })
    // A question needs no write: its limit is counted in the process after the counter's
    // short busy timeout, so it is answered while the lock is held.
    let started = performance.now()
    expect((await ask(a, '198.51.100.59')).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(holdMs / 2)
    started = performance.now()
    const responses = await Promise.all([
      ask(a, '198.51.100.60'),
      ask(b, '198.51.100.61'),
      chat(a, '198.51.100.62', { text: 'hộ chiếu' }),
      chat(b, '198.51.100.63', { text: 'khai sinh' }),
    ])
    const waited = performance.now() - started
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(await exited).toBe(0)
    // The chat messages did wait for the lock (busy timeout), not fail and not run before it.
    expect(waited).toBeGreaterThan(holdMs / 4)
  })
})

describe('the chat limits across two processes (BOT_RATE_LIMIT_SCOPE=database, the default)', () => {
  it('slows down a citizen waiting for staff who writes to both processes, after one burst in all', async () => {
    const [a, b] = await twoProcesses({
      STAFF_HOURS: '24/7',
      RATE_LIMIT_CHAT_PER_MINUTE: '0',
      BOT_RATE_LIMIT_BURST: '4',
      BOT_RATE_LIMIT_PER_MINUTE: '1',
    })
    const say = async (p: Instance, text: string, sessionId?: string) => {
      const res = await chat(p, '198.51.100.90', { text, ...(sessionId ? { sessionId } : {}) })
      expect(res.status).toBe(200)
      return (await res.json()) as { sessionId: string; replies: { text?: string }[] }
    }
    const { sessionId } = await say(a, 'làm hộ chiếu cần giấy tờ gì')
    const asked = await say(b, 'cho tôi gặp nhân viên', sessionId)
    expect(JSON.stringify(asked.replies)).toContain('Đang chuyển tới cán bộ hỗ trợ')
    // Waiting for staff, the citizen's messages go to the ticket, limited by the hand-off bucket.
    const replies = []
    for (let i = 0; i < 5; i += 1)
      replies.push(JSON.stringify((await say(i % 2 ? a : b, `thêm ${i}`, sessionId)).replies))
    expect(replies.slice(0, 4).filter((r) => r.includes(messages.slowDown))).toEqual([])
    // Each process has taken only two or three: counted per process the fifth would pass.
    expect(replies[4]).toContain(messages.slowDown)
  })
})

describe('RATE_LIMIT_SCOPE=process', () => {
  it('counts in each process: a second process starts its own count', async () => {
    const [a, b] = await twoProcesses({ RATE_LIMIT_ASK_PER_MINUTE: '2', RATE_LIMIT_SCOPE: 'process' })
    const statuses = []
    for (const p of [a, a, a, b, b, b]) statuses.push((await ask(p, '198.51.100.70')).status)
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429])
  })

  it('refuses another value with a clear message', () => {
    expect(() => loadConfig({ RATE_LIMIT_SCOPE: 'cluster' })).toThrow(
      /RATE_LIMIT_SCOPE: RATE_LIMIT_SCOPE phải là database hoặc process/,
    )
  })
})
