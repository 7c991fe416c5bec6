import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { messages } from '../../../bot/core/messages.ts'
import {
  channelTokens,
  interactions,
  processedEvents,
  unansweredQuestions,
} from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import { expectHandledOnce } from '../../helpers/fake-channels.ts'
import {
  type FakeZaloServer,
  startFakeZaloServer,
  zaloEnv,
  zaloSignature,
} from '../../helpers/fake-zalo-server.ts'

const OA_SECRET = 'oa-secret-key-ABC'
type Button = { title: string; type: string; payload: string | { url: string } }
type Sent = { text: string; attachment?: { payload: { template_type: string; buttons: Button[] } } }

let fake: FakeZaloServer
let t: TestApp
let msgCounter = 0

beforeAll(async () => {
  fake = await startFakeZaloServer()
  t = await createTestApp(zaloEnv(fake, OA_SECRET))
})
afterAll(async () => {
  t.close()
  await fake.close()
})
beforeEach(() => fake.forget())

const event = (userId: string, eventName: string, message: Record<string, unknown> = {}) => ({
  app_id: fake.appId,
  user_id_by_app: `app-${userId}`,
  event_name: eventName,
  timestamp: String(Date.now()),
  sender: { id: userId },
  recipient: { id: '1990000000000000001' },
  message: { msg_id: `msg${++msgCounter}-${Date.now()}`, ...message },
})
const textEvent = (userId: string, text: string) => event(userId, 'user_send_text', { text })

/** Signs like Zalo: sha256(app_id + raw body + timestamp + OA secret key), hex. */
const sign = (raw: string, timestamp: string, key = OA_SECRET) =>
  zaloSignature({ appId: fake.appId, raw, timestamp, oaSecretKey: key })

const post = async (body: ReturnType<typeof event>, signature?: string | null, raw?: string) => {
  const text = raw ?? JSON.stringify(body)
  const header = signature === undefined ? sign(text, body.timestamp) : signature
  const response = await t.app.request('/webhooks/zalo', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(header === null ? {} : { 'X-ZEvent-Signature': header }),
    },
    body: text,
  })
  await t.deps.zalo!.webhook.whenIdle()
  return response
}

const sent = () => fake.sent.map((s) => s.message as unknown as Sent)
const buttonsOf = (messages: Sent[]) => messages.flatMap((m) => m.attachment?.payload.buttons ?? [])
const rowCount = async (table: typeof interactions | typeof processedEvents) =>
  (await t.deps.db.select({ n: count() }).from(table))[0]!.n

describe('Zalo OA webhook', () => {
  it('walks a citizen from an ambiguous question to a chosen procedure, its fee and feedback', async () => {
    const user = '8000000000000000001'
    expect((await post(textEvent(user, 'can cuoc'))).status).toBe(200)
    const clarify = buttonsOf(sent())
    expect(clarify.length).toBeGreaterThan(1)
    expect(clarify.length).toBeLessThanOrEqual(5)
    const reissue = clarify.find((b) => b.title === 'Cấp lại thẻ căn cước')!
    expect(reissue).toEqual({ title: 'Cấp lại thẻ căn cước', type: 'oa.query.show', payload: '1.014064' })
    expect(fake.sent.every((s) => s.userId === user)).toBe(true)

    // Tapping an oa.query.show button comes back as the citizen's text message with its payload.
    fake.sent.length = 0
    await post(textEvent(user, reissue.payload as string))
    const answer = sent()
    expect(answer).toHaveLength(2)
    expect(answer[0]!.text).toMatch(/^Cấp lại thẻ căn cước \(mã 1\.014064\)\n\n/)
    expect(answer[1]!.text).toBe(messages.feedbackQuestion)
    const [link, useful, notUseful] = buttonsOf(answer)
    expect(link).toMatchObject({
      type: 'oa.open.url',
      payload: { url: expect.stringMatching(/^https:\/\/dichvucong\.gov\.vn\//) },
    })
    expect(useful).toMatchObject({ type: 'oa.query.hide', title: messages.feedbackUseful })
    expect(notUseful!.payload).toMatch(/^#f:n:/)

    fake.sent.length = 0
    await post(textEvent(user, 'phí bao nhiêu?'))
    expect(sent()[0]!.text).toContain('(mã 1.014064)')
    expect(sent()[0]!.text).toContain('Lệ phí')
    const feeNotUseful = buttonsOf(sent())[2]!.payload as string

    fake.sent.length = 0
    await post(textEvent(user, feeNotUseful))
    expect(sent().map((m) => m.text)).toEqual([messages.thanksNotUseful('18001096')])
    const interactionId = feeNotUseful.split(':')[2]!
    const [row] = await t.deps.db.select().from(interactions).where(eq(interactions.id, interactionId))
    expect(row).toMatchObject({
      feedback: 'not_useful',
      procedureCode: '1.014064',
      sessionId: `zalo:${user}`,
    })
    const unanswered = await t.deps.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.interactionId, interactionId))
    expect(unanswered).toMatchObject([{ channel: 'zalo', reason: 'not_useful' }])
  })

  it('processes a redelivered event only once', async () => {
    const event = textEvent('8000000000000000002', 'đăng ký khai sinh')
    await expectHandledOnce({ post: (e) => post(e), event, sent: () => fake.sent.length })
  })

  it('answers an image with a polite text', async () => {
    await post(
      event('8000000000000000003', 'user_send_image', {
        attachments: [{ type: 'image', payload: { url: 'https://example.com/a.jpg' } }],
      }),
    )
    expect(sent()).toEqual([{ text: messages.nonText }])
  })

  it('welcomes a new follower', async () => {
    const follow = {
      app_id: fake.appId,
      event_name: 'follow',
      timestamp: String(Date.now()),
      oa_id: '1990000000000000001',
      source: 'oa_profile',
      follower: { id: '8000000000000000009' },
    }
    await post(follow as unknown as ReturnType<typeof event>)
    expect(fake.sent[0]).toMatchObject({ userId: '8000000000000000009', message: { text: messages.welcome } })
  })

  it('ignores delivery receipts and seen events', async () => {
    await post(event('8000000000000000003', 'user_seen_message'))
    expect(fake.requests).toEqual([])
  })

  it.each([
    ['a wrong signature', () => `mac=${'0'.repeat(64)}`, 401],
    ['a signature made with another key', (raw: string, ts: string) => sign(raw, ts, 'not-the-key'), 401],
    ['no signature', () => null, 401],
    ['a garbled signature header', () => 'sha256=abc', 401],
  ])('rejects an event with %s and changes nothing', async (_name, makeSignature, status) => {
    const body = textEvent('8000000000000000004', 'đăng ký kết hôn')
    const raw = JSON.stringify(body)
    const before = [await rowCount(interactions), await rowCount(processedEvents)]
    const response = await post(body, makeSignature(raw, body.timestamp), raw)
    expect(response.status).toBe(status)
    expect([await rowCount(interactions), await rowCount(processedEvents)]).toEqual(before)
    expect(fake.requests).toEqual([])
  })

  it('rejects a body altered after signing', async () => {
    const body = textEvent('8000000000000000004', 'đăng ký kết hôn')
    const signature = sign(JSON.stringify(body), body.timestamp)
    const tampered = JSON.stringify({ ...body, message: { ...body.message, text: 'đăng ký khai tử' } })
    expect((await post(body, signature, tampered)).status).toBe(401)
    expect(fake.requests).toEqual([])
  })

  it('rejects malformed JSON with 400 and changes nothing', async () => {
    const body = textEvent('8000000000000000004', 'x')
    const raw = '{"event_name": "user_send_text", "sender": '
    const before = await rowCount(processedEvents)
    expect((await post(body, sign(raw, body.timestamp), raw)).status).toBe(400)
    expect(await rowCount(processedEvents)).toBe(before)
    expect(fake.requests).toEqual([])
  })

  it('refreshes an expired access token, stores the new pair and retries the send once', async () => {
    fake.expireAccessToken()
    await post(textEvent('8000000000000000005', 'đăng ký kết hôn'))
    expect(fake.requests.slice(0, 3)).toEqual([
      { path: '/v3.0/oa/message/cs', error: -216 },
      { path: '/v4/oa/access_token', error: 0 },
      { path: '/v3.0/oa/message/cs', error: 0 },
    ])
    expect(fake.requests.filter((r) => r.path === '/v4/oa/access_token')).toHaveLength(1)
    expect(sent()[0]!.text).toContain('(mã 1.000894)')
    const [stored] = await t.deps.db.select().from(channelTokens).where(eq(channelTokens.channel, 'zalo'))
    expect(stored).toMatchObject({
      accessToken: fake.tokens.accessToken,
      refreshToken: fake.tokens.refreshToken,
    })

    // The second expiry is refreshed with the stored (new) refresh token.
    fake.requests.length = 0
    fake.expireAccessToken()
    await post(textEvent('8000000000000000005', 'phí bao nhiêu'))
    expect(fake.requests.filter((r) => r.error !== 0)).toEqual([{ path: '/v3.0/oa/message/cs', error: -216 }])
  })
})
