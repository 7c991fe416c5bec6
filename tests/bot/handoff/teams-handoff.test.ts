import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { handoffMessages, handoffReferences, handoffs } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import {
  botConnectorEnv,
  type FakeBotConnector,
  startFakeBotConnector,
} from '../../helpers/fake-bot-connector.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }

let fake: FakeBotConnector
let t: TestApp
let activityNumber = 0

beforeAll(async () => {
  fake = await startFakeBotConnector()
  t = await createTestApp({
    ADMIN_TOKEN,
    STAFF_HOURS: '24/7',
    ...botConnectorEnv(fake),
  })
})
afterAll(async () => {
  t.close()
  await fake.close()
})
beforeEach(() => {
  fake.sent.length = 0
})

/** A Teams personal-chat message from one citizen. */
const say = async (text: string, from = '29:citizen-teams', conversation = 'a:personal-conversation-7') => {
  const activity = {
    type: 'message',
    id: `1800000000${String(++activityNumber).padStart(3, '0')}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: fake.serviceUrl,
    from: { id: from, name: 'Nguyễn Văn B' },
    recipient: { id: `28:${fake.appId}`, name: 'Trợ lý số' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-1' },
    locale: 'vi-VN',
    text,
  }
  const res = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fake.signToken()}` },
    body: JSON.stringify(activity),
  })
  expect(res.status).toBe(200)
  await t.deps.agents!.webhook.whenIdle()
}

const sentTexts = () => fake.sent.map((s) => String(s.activity['text'] ?? ''))

describe('Teams hand-off through the Bot Connector', () => {
  it('opens a ticket, keeps the conversation reference only while it is open, and delivers the agent’s reply into the Teams conversation', async () => {
    // An ordinary question keeps no reference.
    await say('làm hộ chiếu ở đâu', '29:someone-else', 'a:personal-conversation-8')
    expect(await t.testDb.db.select().from(handoffReferences)).toEqual([])

    await say('cho tôi gặp nhân viên')
    expect(sentTexts().join('\n')).toContain('Đang chuyển tới cán bộ hỗ trợ')
    const [ticket] = await t.testDb.db.select().from(handoffs).where(eq(handoffs.channel, 'botframework'))
    expect(ticket?.status).toBe('open')
    const [kept] = await t.testDb.db.select().from(handoffReferences)
    expect(kept?.handoffId).toBe(ticket!.id)
    expect(kept?.reference).toMatchObject({
      serviceUrl: fake.serviceUrl,
      conversation: { id: 'a:personal-conversation-7' },
      user: { id: '29:citizen-teams' },
    })

    // While handed off, what the citizen writes goes to the ticket.
    fake.sent.length = 0
    await say('tôi cần hỏi về giấy khai sinh bị sai tên')
    expect(sentTexts().join('\n')).toContain('Đã chuyển tin nhắn của bạn tới cán bộ hỗ trợ')

    fake.sent.length = 0
    const reply = await t.app.request(`/v1/admin/handoffs/${ticket!.id}/messages`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        text: 'Chào anh, anh mang giấy khai sinh bản chính tới UBND xã để cải chính nhé.',
      }),
    })
    expect(reply.status).toBe(201)
    expect(fake.sent).toHaveLength(1)
    const sent = fake.sent[0]!
    expect(sent.conversationId).toBe('a:personal-conversation-7')
    expect(sent.activity).toMatchObject({
      type: 'message',
      from: { id: `28:${fake.appId}` },
      recipient: { id: '29:citizen-teams' },
      conversation: { id: 'a:personal-conversation-7' },
    })
    expect(String(sent.activity['text'])).toContain('anh mang giấy khai sinh bản chính tới UBND xã')
    const stored = await t.testDb.db
      .select()
      .from(handoffMessages)
      .where(eq(handoffMessages.handoffId, ticket!.id))
    expect(stored.find((m) => m.from === 'staff')?.delivered).toBe(true)

    // Closing the ticket forgets the reference; the bot answers again.
    const close = await t.app.request(`/v1/admin/handoffs/${ticket!.id}/close`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ note: 'Đã hướng dẫn' }),
    })
    expect(close.status).toBe(200)
    expect(await t.testDb.db.select().from(handoffReferences)).toEqual([])
    fake.sent.length = 0
    await say('làm hộ chiếu ở đâu')
    expect(sentTexts().join('\n')).not.toContain('Đã chuyển tin nhắn của bạn')
    expect(await t.testDb.db.select().from(handoffReferences)).toEqual([])
  }, 60_000)

  it('keeps a reply as not delivered when the Bot Connector refuses it', async () => {
    await say('cho tôi gặp nhân viên', '29:citizen-refused', 'a:personal-conversation-9')
    const open = await t.testDb.db.select().from(handoffs).where(eq(handoffs.status, 'open'))
    const ticket = open.find((h) => h.channel === 'botframework')!
    fake.failNext(403)
    const reply = await t.app.request(`/v1/admin/handoffs/${ticket.id}/messages`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ text: 'Xin chào, cán bộ đây.' }),
    })
    expect(reply.status).toBe(201)
    const stored = await t.testDb.db
      .select()
      .from(handoffMessages)
      .where(eq(handoffMessages.handoffId, ticket.id))
    expect(stored.find((m) => m.from === 'staff')).toMatchObject({ delivered: false })
  }, 60_000)
})
