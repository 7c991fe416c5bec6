/**
 * Every written form of an identity-card or phone number, sent on each of the four channels
 * through its real webhook (fake platform servers), never reaches the database or the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../platform/logger.ts'
import { createTestApp, type TestApp } from '../helpers/create-test-app.ts'
import { type FakeChannels, startFakeChannels } from '../helpers/fake-channels.ts'
import { zaloSignature } from '../helpers/fake-zalo-server.ts'
import { textUpdate } from './telegram/telegram-updates.ts'

const TELEGRAM_SECRET = 'webhook_secret-0123456789'
const ZALO_SECRET = 'oa-secret-key-ABC'

/** [written form, the digits that must not be kept] */
const FORMS: [string, string][] = [
  ['079203010111', '079203010111'],
  ['079 203 010 111', '079203010111'],
  ['079.203.010.222', '079203010222'],
  ['079-203-010-333', '079203010333'],
  ['079–203–010–444', '079203010444'],
  ['０７９２０３０１０５５５', '079203010555'],
  ['079\u00a0203\u00a0010\u00a0666', '079203010666'],
  ['012.345.678', '012345678'],
  ['0915010222', '915010222'],
  ['(0915) 010-222', '915010222'],
  ['0915.010.333', '915010333'],
  ['+84 915 010 444', '915010444'],
  ['(+84) 915-010-555', '915010555'],
  ['+84 (0) 915 010 666', '915010666'],
  ['0084 915 010 777', '915010777'],
  ['０９１５ ０１０ ８８８', '915010888'],
  ['＋８４ ９１５ ０１０ ９９９', '915010999'],
]

const CHANNELS = ['web', 'telegram', 'zalo', 'botframework'] as const

let channels: FakeChannels
let t: TestApp
const logged: string[] = []
let user = 0

beforeAll(async () => {
  channels = await startFakeChannels({ telegramSecret: TELEGRAM_SECRET, zaloSecret: ZALO_SECRET })
  t = await createTestApp(
    {
      RATE_LIMIT_CHAT_PER_MINUTE: '0',
      ...channels.env,
    },
    { log: createLogger('debug', (line) => logged.push(line)) },
  )
})
afterAll(async () => {
  t.close()
  await channels.close()
})

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

/** Sends one citizen message on a channel and waits until it has been handled. */
const send = async (channel: (typeof CHANNELS)[number], text: string) => {
  user += 1
  if (channel === 'web') {
    const response = await t.app.request('/v1/chat/messages', json({ text }))
    expect(response.status).toBe(200)
    return
  }
  if (channel === 'telegram') {
    const request = json(textUpdate(700_000 + user, text))
    const response = await t.app.request('/webhooks/telegram', {
      ...request,
      headers: { ...request.headers, 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET },
    })
    expect(response.status).toBe(200)
    return
  }
  if (channel === 'zalo') {
    const timestamp = String(Date.now())
    const raw = JSON.stringify({
      app_id: channels.zalo.appId,
      event_name: 'user_send_text',
      timestamp,
      sender: { id: `81000000000${user}` },
      recipient: { id: '1990000000000000001' },
      message: { msg_id: `pd-msg-${user}`, text },
    })
    const signature = zaloSignature({ appId: channels.zalo.appId, raw, timestamp, oaSecretKey: ZALO_SECRET })
    const response = await t.app.request('/webhooks/zalo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': signature },
      body: raw,
    })
    expect(response.status).toBe(200)
    await t.deps.zalo!.webhook.whenIdle()
    return
  }
  const response = await t.app.request('/api/messages', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await channels.connector.signToken()}`,
    },
    body: JSON.stringify({
      type: 'message',
      id: `pd-${user}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: channels.connector.serviceUrl,
      from: { id: `29:pd-citizen-${user}`, name: 'Trần Thị B' },
      recipient: { id: `28:${channels.connector.appId}`, name: 'Trợ lý số' },
      conversation: { id: `a:pd-${user}`, conversationType: 'personal' },
      text,
    }),
  })
  expect(response.status).toBe(200)
  await t.deps.agents!.webhook.whenIdle()
}

/** Everything the chat keeps, as text with separators removed, so any written form is found. */
const storedText = async () => {
  const tables = ['interactions', 'unanswered_questions', 'chat_sessions', 'undelivered_messages']
  const rows = await Promise.all(
    tables.map(async (table) =>
      JSON.stringify((await t.deps.db.$client.execute(`SELECT * FROM ${table}`)).rows),
    ),
  )
  return rows.join('\n')
}
const squeeze = (text: string) => text.normalize('NFKC').replace(/[\s.\-–—()+\\]/g, '')

describe('personal data on every channel', () => {
  const cases = CHANNELS.flatMap((channel) => FORMS.map(([form, digits]) => [channel, form, digits] as const))

  it.each(cases)('%s: %j is masked in the database and the logs', async (channel, form, digits) => {
    const question = `làm lại căn cước, số của tôi ${form} ạ`
    const interactionsBefore = (await t.deps.db.$client.execute('SELECT count(*) AS n FROM interactions'))
      .rows[0]!['n']
    await send(channel, question)
    const [row] = (
      await t.deps.db.$client.execute({
        sql: 'SELECT text FROM interactions WHERE channel = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
        args: [channel],
      })
    ).rows
    expect((await t.deps.db.$client.execute('SELECT count(*) AS n FROM interactions')).rows[0]!['n']).toBe(
      Number(interactionsBefore) + 1,
    )
    expect(row!['text']).toBe('làm lại căn cước, số của tôi *** ạ')
    expect(squeeze(await storedText())).not.toContain(digits)
    expect(squeeze(logged.join('\n'))).not.toContain(digits)
    expect(logged.some((line) => line.includes('chat personal data masked'))).toBe(true)
  })
})
