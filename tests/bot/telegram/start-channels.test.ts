import { afterEach, describe, expect, it } from 'vitest'
import { messages } from '../../../bot/core/messages.ts'
import { startChannels } from '../../../bot/start-channels.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import { type FakeTelegramServer, startFakeTelegramServer } from '../../helpers/fake-telegram-server.ts'
import { textUpdate } from './telegram-updates.ts'

let fake: FakeTelegramServer | undefined
let t: TestApp | undefined
afterEach(async () => {
  t?.close()
  await fake?.close()
})

describe('startChannels', () => {
  it('answers by long polling when no PUBLIC_URL is configured', async () => {
    fake = await startFakeTelegramServer()
    t = await createTestApp({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot })
    const channels = await startChannels(t.deps)
    try {
      fake.queueUpdate(textUpdate(601, '/privacy'))
      const [sent] = await fake.waitFor('sendMessage', 1)
      expect(sent!.payload['text']).toBe(messages.privacy(90, 365))
      expect(fake.sent('deleteWebhook')).toHaveLength(1)
      expect((await t.app.request('/webhooks/telegram', { method: 'POST', body: '{}' })).status).toBe(404)
    } finally {
      await channels.stop()
    }
  })

  it('registers the webhook with its secret when PUBLIC_URL is configured', async () => {
    fake = await startFakeTelegramServer()
    t = await createTestApp({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: 'sekret_123',
      PUBLIC_URL: 'https://trolyso.example.vn/',
    })
    const channels = await startChannels(t.deps)
    await channels.stop()
    expect(fake.sent('setWebhook').map((c) => c.payload)).toEqual([
      expect.objectContaining({
        url: 'https://trolyso.example.vn/webhooks/telegram',
        secret_token: 'sekret_123',
      }),
    ])
    expect(fake.sent('getUpdates')).toEqual([])
    expect(fake.sent('setMyCommands')).toHaveLength(1)
  })

  it('leaves polling and registration to the leader when several processes serve', async () => {
    fake = await startFakeTelegramServer()
    t = await createTestApp({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot })
    const channels = await startChannels(t.deps, { leader: false })
    fake.queueUpdate(textUpdate(602, '/privacy'))
    await new Promise((r) => setTimeout(r, 500))
    await channels.stop()
    expect(fake.calls).toEqual([])
  })
})
