import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/config.ts'
import type { Activity } from '../../../bot/agents/activity.types.ts'
import { agentsUserId } from '../../../bot/agents/map-activity.ts'
import { messages } from '../../../bot/core/messages.ts'
import {
  chatSessions,
  interactions,
  processedEvents,
  unansweredQuestions,
  undeliveredMessages,
} from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import {
  botConnectorEnv,
  type FakeBotConnector,
  startFakeBotConnector,
} from '../../helpers/fake-bot-connector.ts'
import { expectHandledOnce } from '../../helpers/fake-channels.ts'

type Button = { type: string; title: string; value: unknown; text?: string; displayText?: string }
type SentActivity = {
  type: string
  text?: string
  textFormat?: string
  from: { id: string }
  recipient: { id: string }
  conversation: { id: string }
  replyToId?: string
  attachments?: { contentType: string; content: { buttons: Button[] } }[]
}

let fake: FakeBotConnector
let t: TestApp
let activityNumber = 0

beforeAll(async () => {
  fake = await startFakeBotConnector()
  t = await createTestApp(botConnectorEnv(fake))
})
afterAll(async () => {
  t.close()
  await fake.close()
})
beforeEach(() => fake.forget())

const BOT = () => ({ id: `28:${fake.appId}`, name: 'Trợ lý số' })

/** A Teams personal-chat activity from one citizen; fields can be overridden. */
const activity = (overrides: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `1700000000${String(++activityNumber).padStart(3, '0')}`,
  timestamp: new Date().toISOString(),
  channelId: 'msteams',
  serviceUrl: fake.serviceUrl,
  from: { id: '29:citizen-a', name: 'Nguyễn Văn A', aadObjectId: '6b1f0c1e-0000-4000-8000-000000000001' },
  recipient: BOT(),
  conversation: { id: 'a:personal-conversation-1', conversationType: 'personal', tenantId: 'tenant-1' },
  locale: 'vi-VN',
  ...overrides,
})
const textActivity = (text: string, overrides: Record<string, unknown> = {}) =>
  activity({ text, ...overrides })

const post = async (body: unknown, token?: string | null, raw?: string) => {
  const header = token === undefined ? `Bearer ${await fake.signToken()}` : token
  const response = await t.app.request('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { authorization: header }) },
    body: raw ?? JSON.stringify(body),
  })
  await t.deps.agents!.webhook.whenIdle()
  return response
}

const sent = () => fake.sent.map((s) => s.activity as unknown as SentActivity)
const buttonsOf = (activities: SentActivity[]) =>
  activities.flatMap((a) => a.attachments?.flatMap((card) => card.content.buttons) ?? [])
const rowCounts = async () => {
  const n = async (table: typeof interactions | typeof processedEvents | typeof chatSessions) =>
    (await t.deps.db.select({ n: count() }).from(table))[0]!.n
  return [await n(interactions), await n(processedEvents), await n(chatSessions)]
}

describe('Bot Framework messaging endpoint', () => {
  it('walks a citizen from an ambiguous question to a chosen procedure, its fee and feedback', async () => {
    const ask = textActivity('căn cước')
    expect((await post(ask)).status).toBe(200)
    const [clarify] = sent()
    expect(fake.sent[0]).toMatchObject({ conversationId: 'a:personal-conversation-1', replyToId: ask.id })
    expect(clarify).toMatchObject({
      type: 'message',
      textFormat: 'markdown',
      from: BOT(),
      recipient: { id: '29:citizen-a', name: 'Nguyễn Văn A' },
      conversation: { id: 'a:personal-conversation-1' },
      replyToId: ask.id,
      locale: 'vi-VN',
    })
    expect(clarify!.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.hero')
    const options = buttonsOf(sent())
    expect(options.length).toBeGreaterThan(1)
    expect(options.length).toBeLessThanOrEqual(5)
    const reissue = options.find((b) => b.title === 'Cấp lại thẻ căn cước')!
    expect(reissue).toEqual({
      type: 'messageBack',
      title: 'Cấp lại thẻ căn cước',
      text: 'Cấp lại thẻ căn cước',
      displayText: 'Cấp lại thẻ căn cước',
      value: { choice: 'p:1.014064' },
    })

    // Teams sends a tapped messageBack as a message carrying both its text and its value.
    fake.sent.length = 0
    await post(textActivity(reissue.text!, { value: reissue.value }))
    const answer = sent()
    expect(answer).toHaveLength(2)
    expect(answer[0]!.text).toMatch(/^\*\*Cấp lại thẻ căn cước \(mã 1\.014064\)\*\*\n\n/)
    const [link, useful, notUseful] = buttonsOf(answer)
    expect(link).toMatchObject({
      type: 'openUrl',
      title: 'Xem trang chính thức (mã 1.014064)',
      value: expect.stringMatching(/^https:\/\/dichvucong\.gov\.vn\//),
    })
    expect(answer[1]!.text).toBe(messages.feedbackQuestion)
    expect(useful).toMatchObject({ type: 'messageBack', title: messages.feedbackUseful })
    expect((notUseful!.value as { choice: string }).choice).toMatch(/^f:n:/)

    fake.sent.length = 0
    await post(textActivity('phí bao nhiêu?'))
    expect(sent()[0]!.text).toContain('(mã 1.014064)')
    expect(sent()[0]!.text).toContain('Lệ phí')
    const feeNotUseful = buttonsOf(sent())[2]!

    // Web Chat's messageBack may come without text: the value alone is the choice.
    fake.sent.length = 0
    await post(activity({ value: feeNotUseful.value }))
    expect(sent().map((a) => a.text)).toEqual([messages.thanksNotUseful('18001096')])
    const interactionId = (feeNotUseful.value as { choice: string }).choice.split(':')[2]!
    const [row] = await t.deps.db.select().from(interactions).where(eq(interactions.id, interactionId))
    expect(row).toMatchObject({ feedback: 'not_useful', procedureCode: '1.014064', channel: 'botframework' })
    expect(row!.sessionId).toMatch(/^botframework:[\w-]{32}$/)
    expect(row!.sessionId).not.toContain('citizen-a')
    const unanswered = await t.deps.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.interactionId, interactionId))
    expect(unanswered).toMatchObject([{ channel: 'botframework', reason: 'not_useful' }])

    // One bot token and one key download served every message above.
    expect(fake.tokenRequests).toHaveLength(1)
    expect(fake.tokenRequests[0]!.get('scope')).toBe('https://api.botframework.com/.default')
    expect(fake.fetches).toEqual({ metadata: 1, keys: 1 })
  })

  it('keeps a separate conversation state for the same user in another conversation', async () => {
    await post(textActivity('đăng ký khai sinh', { conversation: { id: 'a:personal-conversation-2' } }))
    const code = /\(mã (\d\.\d{6})\)/.exec(sent()[0]!.text ?? '')?.[1]
    expect(code).toBeDefined()
    fake.sent.length = 0
    await post(textActivity('phí bao nhiêu?', { conversation: { id: 'a:personal-conversation-3' } }))
    expect(sent()[0]!.text).not.toContain(`(mã ${code})`)
    expect(sent()[0]!.text).toMatch(/^Bạn muốn hỏi lệ phí của thủ tục nào\?/)
  })

  it('answers a question addressed to the bot with an @mention in a Teams channel', async () => {
    const mention = '<at>Trợ lý số</at>'
    await post(
      textActivity(`${mention} đăng ký kết hôn`, {
        conversation: {
          id: '19:general@thread.tacv2;messageid=1700000000001',
          conversationType: 'channel',
          isGroup: true,
        },
        entities: [{ type: 'mention', text: mention, mentioned: BOT() }],
      }),
    )
    expect(fake.sent[0]!.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000001')
    expect(sent()[0]!.text).toContain('(mã 1.000894)')
    const [row] = await t.deps.db.select().from(interactions).where(eq(interactions.text, 'đăng ký kết hôn'))
    expect(row).toMatchObject({ channel: 'botframework', procedureCode: '1.000894' })
  })

  it('handles a redelivered activity only once', async () => {
    const event = textActivity('đăng ký khai sinh', { conversation: { id: 'a:personal-conversation-4' } })
    await expectHandledOnce({ post: (e) => post(e), event, sent: () => fake.sent.length })
  })

  it('welcomes a personal conversation once, whether the bot or the citizen is added first', async () => {
    const conversation = { id: 'a:personal-conversation-5', conversationType: 'personal' }
    await post(activity({ type: 'conversationUpdate', conversation, membersAdded: [BOT()] }))
    expect(sent().map((a) => a.text)).toEqual([messages.welcome.split('\n').join('\n\n'), messages.menuTitle])
    expect(buttonsOf(sent()).map((b) => b.value)).toEqual([{ choice: 'm:contact' }, { choice: 'm:privacy' }])
    await post(activity({ type: 'conversationUpdate', conversation, membersAdded: [{ id: '29:citizen-a' }] }))
    expect(fake.sent).toHaveLength(2)
  })

  it('welcomes a group only when the bot itself is added', async () => {
    const conversation = { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true }
    await post(activity({ type: 'conversationUpdate', conversation, membersAdded: [{ id: '29:citizen-b' }] }))
    expect(fake.sent).toEqual([])
    await post(activity({ type: 'conversationUpdate', conversation, membersAdded: [BOT()] }))
    expect(sent()[0]!.text).toContain('Xin chào!')
  })

  it('answers a message with only an attachment with a polite text', async () => {
    await post(
      activity({
        text: undefined,
        attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/a.png', name: 'a.png' }],
      }),
    )
    expect(sent()).toMatchObject([{ text: messages.nonText, textFormat: 'markdown' }])
  })

  it.each([
    ['typing', {}],
    ['invoke', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute' } } }],
    ['messageReaction', { reactionsAdded: [{ type: 'like' }] }],
    ['installationUpdate', { action: 'add' }],
    ['conversationUpdate', { membersRemoved: [{ id: '29:citizen-a' }] }],
  ])('acknowledges a %s activity and ignores it', async (type, extra) => {
    const before = await rowCounts()
    const response = await post(activity({ type, ...extra }))
    expect(response.status).toBe(200)
    expect(fake.requests).toEqual([])
    expect(await rowCounts()).toEqual(before)
  })

  const forged: [string, () => Promise<string | null>][] = [
    ['no Authorization header', async () => null],
    [
      'a Basic Authorization header',
      async () => `Basic ${Buffer.from(`${fake.appId}:x`).toString('base64')}`,
    ],
    ['a garbled bearer token', async () => 'Bearer not.a.jwt'],
    [
      'a token signed by an unknown key',
      async () => `Bearer ${await fake.signToken({ key: 'unpublished' })}`,
    ],
    [
      'a token signed by another key under a published kid',
      async () => `Bearer ${await fake.signToken({ key: 'unpublished', kid: 'key-1' })}`,
    ],
    ['a token for another bot', async () => `Bearer ${await fake.signToken({ audience: 'another-app-id' })}`],
    [
      'a token from another issuer',
      async () =>
        `Bearer ${await fake.signToken({ issuer: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' })}`,
    ],
    [
      'an expired token (beyond the 5-minute skew)',
      async () => `Bearer ${await fake.signToken({ expiresIn: -600 })}`,
    ],
    [
      'a serviceurl claim for another service URL',
      async () => `Bearer ${await fake.signToken({ serviceUrl: 'https://smba.trafficmanager.net/amer/' })}`,
    ],
    ['no serviceurl claim', async () => `Bearer ${await fake.signToken({ serviceUrl: null })}`],
    [
      'a key that does not endorse the channel',
      async () => `Bearer ${await fake.signToken({ key: 'teams-only' })}`,
    ],
    [
      'an unsigned token',
      async () => {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
        const now = Math.floor(Date.now() / 1000)
        return `Bearer ${part({ alg: 'none', kid: 'key-1' })}.${part({ iss: 'https://api.botframework.com', aud: fake.appId, serviceurl: fake.serviceUrl, exp: now + 600 })}.`
      },
    ],
  ]

  it.each(forged)('rejects %s with 401 and changes nothing', async (_name, authorization) => {
    const header = await authorization()
    const before = await rowCounts()
    const tokensBefore = fake.tokenRequests.length
    // The key that only endorses msteams is probed from Web Chat.
    const response = await post(textActivity('đăng ký kết hôn', { channelId: 'webchat' }), header)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } })
    expect(await rowCounts()).toEqual(before)
    expect(fake.requests).toEqual([])
    expect(fake.tokenRequests).toHaveLength(tokensBefore)
  })

  it('accepts a token that expired less than 5 minutes ago (clock skew)', async () => {
    const token = await fake.signToken({ expiresIn: -120 })
    const response = await post(
      textActivity('/privacy', { conversation: { id: 'a:skew' } }),
      `Bearer ${token}`,
    )
    expect(response.status).toBe(200)
    expect(sent().map((a) => a.text)).toEqual([messages.privacy(90, 365)])
  })

  it('rejects an activity whose serviceUrl was changed after signing', async () => {
    const token = await fake.signToken()
    const moved = textActivity('đăng ký kết hôn', { serviceUrl: 'https://attacker.example/' })
    expect((await post(moved, `Bearer ${token}`)).status).toBe(401)
    expect(fake.requests).toEqual([])
  })

  it('rejects malformed JSON with 400 and changes nothing', async () => {
    const before = await rowCounts()
    const response = await post(null, undefined, '{"type": "message", "text": ')
    expect(response.status).toBe(400)
    expect(await rowCounts()).toEqual(before)
    expect(fake.requests).toEqual([])
  })

  it('rejects a signed body that is not an activity with 400', async () => {
    const response = await post({ serviceUrl: fake.serviceUrl, channelId: 'msteams', type: 'message' })
    expect(response.status).toBe(400)
  })

  it('rejects a body over 256 KB with 413', async () => {
    const response = await post(textActivity('x'.repeat(300 * 1024)))
    expect(response.status).toBe(413)
    expect(fake.requests).toEqual([])
  })

  it('retries once after a 429, honouring Retry-After', async () => {
    fake.failNext(429, { retryAfter: '0' })
    await post(textActivity('/privacy', { conversation: { id: 'a:throttled' } }))
    expect(fake.requests.map((r) => r.status)).toEqual([429, 201])
    expect(sent().map((a) => a.text)).toEqual([messages.privacy(90, 365)])
  })

  it('fetches a new bot token once when the Connector answers 401', async () => {
    const tokensBefore = fake.tokenRequests.length
    fake.expireAccessTokens()
    const privacy = textActivity('/privacy', { conversation: { id: 'a:expired-token' } })
    await post(privacy)
    const reply = `/amer/v3/conversations/a%3Aexpired-token/activities/${privacy.id}`
    expect(fake.requests).toEqual([
      { path: reply, status: 401 },
      { path: '/botframework.com/oauth2/v2.0/token', status: 200 },
      { path: reply, status: 201 },
    ])
    expect(fake.tokenRequests).toHaveLength(tokensBefore + 1)
  })

  it('stores and logs a reply the Connector refuses, and still acknowledges the activity', async () => {
    fake.failNext(503, { times: 2, retryAfter: '0' })
    const gone = textActivity('/contact', { conversation: { id: 'a:gone' } })
    const response = await post(gone)
    expect(response.status).toBe(200)
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503])
    // Stored under the digest the conversation state uses, with no platform id or name.
    const rows = await t.deps.db
      .select()
      .from(undeliveredMessages)
      .where(eq(undeliveredMessages.channel, 'botframework'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      channel: 'botframework',
      recipient: agentsUserId(gone as unknown as Activity, '29:citizen-a'),
      reason: expect.stringMatching(/^connector 503/),
    })
    expect(rows[0]!.payload).toMatchObject({
      channelId: 'msteams',
      serviceUrl: fake.serviceUrl,
      message: { attachments: [{ content: { buttons: [{ type: 'openUrl' }] } }] },
    })
    const stored = JSON.stringify(rows[0])
    for (const id of ['a:gone', '29:citizen-a', 'Nguyễn Văn A', 'tenant-1', fake.appId, '6b1f0c1e'])
      expect(stored).not.toContain(id)
  })
})

describe('Bot Framework configuration', () => {
  it('needs the app id and password together', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'only-the-id' })).toThrow(/MICROSOFT_APP_PASSWORD/)
    expect(loadConfig({}).bot.agents).toBeNull()
    expect(
      loadConfig({
        MICROSOFT_APP_ID: 'id',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com',
      }).bot.agents,
    ).toEqual({
      appId: 'id',
      appPassword: 'pw',
      tenantId: 'contoso.onmicrosoft.com',
      openIdUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      loginUrl: 'https://login.microsoftonline.com',
    })
  })

  it('does not mount /api/messages when the bot is not configured', async () => {
    const plain = await createTestApp()
    try {
      expect((await plain.app.request('/api/messages', { method: 'POST', body: '{}' })).status).toBe(404)
    } finally {
      plain.close()
    }
  })
})
