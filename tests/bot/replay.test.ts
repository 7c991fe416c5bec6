/**
 * Replayed and redelivered webhook events on Telegram, Zalo and Bot Framework: each is
 * answered at most once, whichever process receives it, and Zalo events outside the time
 * window are refused. A second app over the same database stands for a second process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../api/app.ts'
import { composeServices } from '../../api/compose-services.ts'
import type { AppServices } from '../../api/deps.ts'
import { createTestApp, type TestApp } from '../helpers/create-test-app.ts'
import { type FakeChannels, startFakeChannels } from '../helpers/fake-channels.ts'
import { zaloSignature } from '../helpers/fake-zalo-server.ts'
import { textUpdate } from './telegram/telegram-updates.ts'

const TELEGRAM_SECRET = 'webhook_secret-0123456789'
const ZALO_SECRET = 'oa-secret-key-ABC'
const MINUTE = 60_000

let channels: FakeChannels
let t: TestApp
/** The same configuration and database, served by another app: another process. */
let other: { app: ReturnType<typeof createApp>; deps: AppServices }
let n = 0

beforeAll(async () => {
  channels = await startFakeChannels({ telegramSecret: TELEGRAM_SECRET, zaloSecret: ZALO_SECRET })
  t = await createTestApp(channels.env)
  const { config, db, kb, log } = t.deps
  const deps = composeServices({ config, db, kb, log })
  other = { app: createApp(deps), deps }
})
afterAll(async () => {
  await other.deps.stop()
  t.close()
  await channels.close()
})

type Target = 'this' | 'other'
const appOf = (target: Target) => (target === 'this' ? t : other)

const postTelegram = async (target: Target, update: unknown) =>
  (
    await appOf(target).app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET },
      body: JSON.stringify(update),
    })
  ).status

const zaloEvent = (text: string, timestamp: number) => ({
  app_id: channels.zalo.appId,
  event_name: 'user_send_text',
  timestamp: String(timestamp),
  sender: { id: `8200000000000${++n}` },
  recipient: { id: '1990000000000000001' },
  message: { msg_id: `replay-msg-${n}`, text },
})
const postZalo = async (target: Target, event: ReturnType<typeof zaloEvent>) => {
  const raw = JSON.stringify(event)
  const signature = zaloSignature({
    appId: channels.zalo.appId,
    raw,
    timestamp: event.timestamp,
    oaSecretKey: ZALO_SECRET,
  })
  const response = await appOf(target).app.request('/webhooks/zalo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': signature },
    body: raw,
  })
  await appOf(target).deps.zalo!.webhook.whenIdle()
  return response.status
}

const activity = (text: string, overrides: Record<string, unknown> = {}) => ({
  type: 'message',
  timestamp: new Date().toISOString(),
  channelId: 'webchat',
  serviceUrl: channels.connector.serviceUrl,
  from: { id: `dl_replay-${++n}` },
  recipient: { id: channels.connector.appId, name: 'Trợ lý số' },
  conversation: { id: `replay-conversation-${n}` },
  text,
  ...overrides,
})
const postActivity = async (target: Target, body: unknown) => {
  const response = await appOf(target).app.request('/api/messages', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await channels.connector.signToken()}`,
    },
    body: JSON.stringify(body),
  })
  await appOf(target).deps.agents!.webhook.whenIdle()
  return response.status
}

/** Posts one body twice, first to this process, then to `second`: the two statuses. */
const twice = async <B>(post: (target: Target, body: B) => Promise<number>, body: B, second: Target) => [
  await post('this', body),
  await post(second, body),
]

/** Posts to this process a signed Zalo event stamped `ageMs` before now (after, when negative). */
const zaloAged = (ageMs: number) => async () => [
  await postZalo('this', zaloEvent('đăng ký khai sinh', Date.now() - ageMs)),
]

const answered = async (channel: string) =>
  Number(
    (
      await t.deps.db.$client.execute({
        sql: 'SELECT count(*) AS n FROM interactions WHERE channel = ?',
        args: [channel],
      })
    ).rows[0]!['n'],
  )

type Case = [
  name: string,
  channel: string,
  send: () => Promise<number[]>,
  statuses: number[],
  answers: number,
]

const cases: Case[] = [
  [
    'Telegram: an update delivered twice to one process',
    'telegram',
    () => twice(postTelegram, textUpdate(901, 'đăng ký khai sinh'), 'this'),
    [200, 200],
    1,
  ],
  [
    'Telegram: an update delivered again to another process',
    'telegram',
    () => twice(postTelegram, textUpdate(902, 'đăng ký khai sinh'), 'other'),
    [200, 200],
    1,
  ],
  [
    'Zalo: an event delivered again to another process',
    'zalo',
    () => twice(postZalo, zaloEvent('đăng ký khai sinh', Date.now()), 'other'),
    [200, 200],
    1,
  ],
  ['Zalo: a signed event 30 days old', 'zalo', zaloAged(30 * 24 * 60 * MINUTE), [400], 0],
  ['Zalo: a signed event 11 minutes old', 'zalo', zaloAged(11 * MINUTE), [400], 0],
  ['Zalo: a signed event stamped 11 minutes in the future', 'zalo', zaloAged(-11 * MINUTE), [400], 0],
  ['Zalo: a signed event 5 minutes old (delayed delivery)', 'zalo', zaloAged(5 * MINUTE), [200], 1],
  [
    'Zalo: a signed event stamped in seconds, 30 days old',
    'zalo',
    async () => [
      await postZalo(
        'this',
        zaloEvent('đăng ký khai sinh', Math.floor((Date.now() - 30 * 24 * 60 * MINUTE) / 1000)),
      ),
    ],
    [400],
    0,
  ],
  [
    'Bot Framework: an activity without an id sent twice',
    'botframework',
    () => twice(postActivity, activity('đăng ký khai sinh'), 'this'),
    [200, 200],
    1,
  ],
  [
    'Bot Framework: an activity without an id sent again to another process',
    'botframework',
    () => twice(postActivity, activity('đăng ký khai sinh'), 'other'),
    [200, 200],
    1,
  ],
  [
    'Bot Framework: an activity with neither id nor timestamp',
    'botframework',
    async () => [await postActivity('this', activity('đăng ký khai sinh', { timestamp: undefined }))],
    [400],
    0,
  ],
  [
    'Bot Framework: two different messages without ids in one conversation',
    'botframework',
    async () => {
      const first = activity('đăng ký khai sinh')
      const second = {
        ...first,
        text: 'đăng ký kết hôn',
        timestamp: new Date(Date.now() + 1000).toISOString(),
      }
      return [await postActivity('this', first), await postActivity('this', second)]
    },
    [200, 200],
    2,
  ],
  [
    'Bot Framework: an activity with an id delivered again to another process',
    'botframework',
    () => twice(postActivity, activity('đăng ký khai sinh', { id: `replay-activity-${n}` }), 'other'),
    [200, 200],
    1,
  ],
]

describe('replayed webhook events', () => {
  it.each(cases)('%s', async (_name, channel, send, statuses, answers) => {
    const before = await answered(channel)
    expect(await send()).toEqual(statuses)
    expect((await answered(channel)) - before).toBe(answers)
  })
})
