/**
 * The composition root builds every long-lived service once, before any request; the app and
 * the background starters use what it built; two apps composed over one database share
 * nothing but the database; `stop()` ends what the root started.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../api/app.ts'
import { composeServices } from '../../api/compose-services.ts'
import type { AppServices } from '../../api/deps.ts'
import type { HandoffEvent } from '../../bot/handoff/handoff-store.ts'
import { startChannels } from '../../bot/start-channels.ts'
import { createTestApp, type TestApp } from '../helpers/create-test-app.ts'
import {
  botConnectorEnv,
  type FakeBotConnector,
  startFakeBotConnector,
} from '../helpers/fake-bot-connector.ts'
import {
  type FakeTelegramServer,
  startFakeTelegramServer,
  telegramWebhookEnv,
} from '../helpers/fake-telegram-server.ts'
import {
  type FakeZaloServer,
  startFakeZaloServer,
  zaloEnv,
  zaloSignature,
} from '../helpers/fake-zalo-server.ts'

/** How often each factory ran, and the PDF worker pools it made with whether they were closed. */
const built = vi.hoisted(() => {
  const calls = new Map<string, number>()
  const pools: { closed: boolean }[] = []
  type Factory = (...args: never[]) => unknown
  const counted =
    (name: string, factory: Factory) =>
    (...args: never[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1)
      return factory(...args)
    }
  /** a vi.mock factory: the real module, with `key` counted under `name` */
  const count = (name: string, key: string) => async (original: () => Promise<Record<string, unknown>>) => {
    const real = await original()
    return { ...real, [key]: counted(name, real[key] as Factory) }
  }
  return { calls, pools, counted, count }
})

vi.mock('../../bot/core/handle-message.ts', built.count('conversation', 'createConversation'))
vi.mock('../../bot/handoff/handoff-store.ts', built.count('handoffs', 'createHandoffStore'))
vi.mock('../../bot/telegram/create-telegram-bot.ts', built.count('telegram', 'createTelegramBot'))
vi.mock('../../bot/zalo/zalo-client.ts', built.count('zalo client', 'createZaloClient'))
vi.mock('../../bot/zalo/zalo-webhook.ts', built.count('zalo webhook', 'createZaloWebhook'))
vi.mock('../../bot/agents/connector-client.ts', built.count('connector client', 'createConnectorClient'))
vi.mock('../../bot/agents/agents-webhook.ts', built.count('agents webhook', 'createAgentsWebhook'))
vi.mock(
  '../../bot/handoff/deliver-staff-message.ts',
  built.count('staff delivery', 'createDeliverStaffMessage'),
)
vi.mock('../../api/documents/create-pdf-worker-pool.ts', async (original) => {
  const real = await original<typeof import('../../api/documents/create-pdf-worker-pool.ts')>()
  const create = built.counted(
    'pdf workers',
    real.createPdfWorkerPool as never,
  ) as typeof real.createPdfWorkerPool
  return {
    ...real,
    createPdfWorkerPool: (...args: Parameters<typeof create>) => {
      const pool = create(...args)
      const seen = { closed: false }
      built.pools.push(seen)
      return {
        ...pool,
        close: async () => {
          seen.closed = true
          await pool.close()
        },
      }
    },
  }
})

const FACTORIES = [
  'conversation',
  'handoffs',
  'telegram',
  'zalo client',
  'zalo webhook',
  'connector client',
  'agents webhook',
  'staff delivery',
  'pdf workers',
]
const ADMIN_TOKEN = 'automation-token-0123456789'
const OA_SECRET = 'oa-secret-key-ABC'
const counts = () => Object.fromEntries(FACTORIES.map((name) => [name, built.calls.get(name) ?? 0]))
const each = (n: number) => Object.fromEntries(FACTORIES.map((name) => [name, n]))

let telegram: FakeTelegramServer, zalo: FakeZaloServer, connector: FakeBotConnector, t: TestApp

beforeAll(async () => {
  telegram = await startFakeTelegramServer()
  zalo = await startFakeZaloServer()
  connector = await startFakeBotConnector()
  t = await createTestApp({
    ADMIN_TOKEN,
    STAFF_HOURS: '24/7',
    ...telegramWebhookEnv(telegram, 'webhook_secret-0123456789'),
    ...zaloEnv(zalo, OA_SECRET),
    ...botConnectorEnv(connector),
  })
  await t.deps.documents.service()
})
afterAll(async () => {
  await t.close()
  await Promise.all([telegram.close(), zalo.close(), connector.close()])
})

/** A signed Zalo text event, as the OA platform posts it. */
const zaloText = (app: ReturnType<typeof createApp>, userId: string, text: string) => {
  const timestamp = String(Date.now())
  const raw = JSON.stringify({
    app_id: zalo.appId,
    user_id_by_app: `app-${userId}`,
    event_name: 'user_send_text',
    timestamp,
    sender: { id: userId },
    recipient: { id: '1990000000000000001' },
    message: { msg_id: `msg-${userId}-${timestamp}`, text },
  })
  const signature = zaloSignature({ appId: zalo.appId, raw, timestamp, oaSecretKey: OA_SECRET })
  return app.request('/webhooks/zalo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': signature },
    body: raw,
  })
}

describe('composeServices', () => {
  it('builds every service once, before the first request, and the app and starters build none', async () => {
    expect(counts()).toEqual(each(1))
    const chat = await t.app.request('/v1/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'đăng ký khai sinh' }),
    })
    expect(chat.status).toBe(200)
    const tickets = await t.app.request('/v1/admin/handoffs', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    expect(tickets.status).toBe(200)
    expect((await zaloText(t.app, '7001', 'hộ chiếu')).status).toBe(200)
    await t.deps.zalo!.webhook.whenIdle()
    const channels = await startChannels(t.deps)
    await channels.stop()
    // another app over the same services (a second mount) builds nothing either
    createApp(t.deps)
    expect(counts()).toEqual(each(1))
  })

  it('gives a second app over the same database its own conversation, channels and hand-off events', async () => {
    const { config, db, kb, log } = t.deps
    const other: AppServices = composeServices({ config, db, kb, log })
    try {
      await other.documents.service()
      expect(counts()).toEqual(each(2))
      for (const key of ['conversation', 'handoffs', 'telegram', 'deliverStaffMessage', 'documents'] as const)
        expect(other[key], key).not.toBe(t.deps[key])
      expect(other.zalo!.webhook).not.toBe(t.deps.zalo!.webhook)
      expect(other.zalo!.client).not.toBe(t.deps.zalo!.client)
      expect(other.agents!.webhook).not.toBe(t.deps.agents!.webhook)
      expect(other.agents!.client).not.toBe(t.deps.agents!.client)
      // the documents' group commit and in-progress submissions belong to one app, not to the database
      const [mine, theirs] = await Promise.all([t.deps.documents.service(), other.documents.service()])
      expect(theirs.commit).not.toBe(mine.commit)
      expect(theirs.submitting).not.toBe(mine.submitting)

      // A ticket opened through one app is announced live only to that app's console stream;
      // the other process learns of it from the database, as a separate process would.
      const heardHere: HandoffEvent[] = []
      const heardThere: HandoffEvent[] = []
      t.deps.handoffs.events.on('handoff', (e) => heardHere.push(e))
      other.handoffs.events.on('handoff', (e) => heardThere.push(e))
      await t.deps.conversation.handle({ channel: 'telegram', userId: '7002', text: 'cho tôi gặp nhân viên' })
      expect(heardHere.map((e) => e.type)).toContain('created')
      expect(heardThere).toEqual([])
      expect(await other.handoffs.active('telegram', '7002')).toMatchObject({ status: 'open' })
    } finally {
      await other.stop()
    }
  })

  it('stop() lets accepted webhook events finish and stops the PDF workers it started', async () => {
    const { config, db, kb, log } = t.deps
    const services = composeServices({ config, db, kb, log })
    const app = createApp(services)
    await services.documents.service()
    const pool = built.pools.at(-1)!
    const before = zalo.sent.length
    expect((await zaloText(app, '7003', 'cấp lại căn cước')).status).toBe(200)
    expect(pool.closed).toBe(false)
    await services.stop()
    expect(pool.closed).toBe(true)
    // the reply to the event accepted before stop() was sent by the time stop() resolved
    expect(zalo.sent.length).toBeGreaterThan(before)
  })
})
