import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { OutgoingActivity } from '../../../bot/agents/activity.types.ts'
import { createBotTokenSource } from '../../../bot/agents/bot-token-source.ts'
import { activitiesUrl, createConnectorClient, retryAfterMs } from '../../../bot/agents/connector-client.ts'
import { type FakeBotConnector, startFakeBotConnector } from '../../helpers/fake-bot-connector.ts'

let fake: FakeBotConnector
const clock = { now: Date.parse('2026-11-22T08:00:00Z') }
const waits: number[] = []

beforeAll(async () => {
  fake = await startFakeBotConnector()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.forget()
  fake.tokenRequests.length = 0
  waits.length = 0
})

const tokensFor = (appPassword = fake.appPassword) =>
  createBotTokenSource({
    appId: fake.appId,
    appPassword,
    tenantId: null,
    loginUrl: fake.loginUrl,
    clock: () => clock.now,
  })
const clientWith = (tokens = tokensFor()) =>
  createConnectorClient({
    tokens,
    clock: () => clock.now,
    sleep: async (ms) => {
      waits.push(ms)
    },
  })
const target = () => ({ serviceUrl: fake.serviceUrl, conversationId: 'a:conv/1', replyToId: 'act 1' })
const hello: OutgoingActivity = {
  type: 'message',
  from: { id: '28:bot' },
  recipient: { id: '29:citizen' },
  conversation: { id: 'a:conv/1' },
  replyToId: 'act 1',
  text: 'Xin chào',
  textFormat: 'markdown',
}

describe('Bot Connector client', () => {
  it('posts a reply to the activity it answers, with path segments encoded', async () => {
    expect(activitiesUrl(target())).toBe(
      `${fake.baseUrl}/amer/v3/conversations/a%3Aconv%2F1/activities/act%201`,
    )
    expect(activitiesUrl({ ...target(), replyToId: null })).toBe(
      `${fake.baseUrl}/amer/v3/conversations/a%3Aconv%2F1/activities`,
    )
    expect(await clientWith().send(target(), hello)).toEqual({
      ok: true,
      id: expect.stringMatching(/^bot-activity-/),
    })
    expect(fake.sent).toEqual([{ conversationId: 'a:conv/1', replyToId: 'act 1', activity: hello }])
  })

  it('requests the bot token with client credentials and reuses it until shortly before it expires', async () => {
    const client = clientWith()
    await client.send(target(), hello)
    await client.send(target(), hello)
    expect(fake.tokenRequests.map((form) => Object.fromEntries(form))).toEqual([
      {
        grant_type: 'client_credentials',
        client_id: fake.appId,
        client_secret: fake.appPassword,
        scope: 'https://api.botframework.com/.default',
      },
    ])
    clock.now += 54 * 60_000
    await client.send(target(), hello)
    expect(fake.tokenRequests).toHaveLength(1)
    clock.now += 2 * 60_000
    await client.send(target(), hello)
    expect(fake.tokenRequests).toHaveLength(2)
  })

  it('shares one token request between concurrent sends', async () => {
    const client = clientWith()
    await Promise.all([
      client.send(target(), hello),
      client.send(target(), hello),
      client.send(target(), hello),
    ])
    expect(fake.tokenRequests).toHaveLength(1)
    expect(fake.sent).toHaveLength(3)
  })

  it('waits as long as Retry-After asks, within a cap, and retries a 429 or 503 only once', async () => {
    const client = clientWith()
    fake.failNext(429, { retryAfter: '2' })
    expect((await client.send(target(), hello)).ok).toBe(true)
    fake.failNext(503, { retryAfter: '3600' })
    expect((await client.send(target(), hello)).ok).toBe(true)
    fake.failNext(429, { times: 2 })
    expect(await client.send(target(), hello)).toEqual({
      ok: false,
      status: 429,
      message: 'ServiceError: Fake failure 429',
    })
    expect(waits).toEqual([2000, 10_000, 1000])
  })

  it('refreshes the token once on 401 and gives up if the new one is refused too', async () => {
    const client = clientWith()
    await client.send(target(), hello)
    fake.expireAccessTokens()
    expect((await client.send(target(), hello)).ok).toBe(true)
    expect(fake.tokenRequests).toHaveLength(2)
    fake.failNext(401)
    fake.expireAccessTokens()
    expect(await client.send(target(), hello)).toMatchObject({ ok: false, status: 401 })
  })

  it('reports a refused client secret without throwing', async () => {
    const outcome = await clientWith(tokensFor('wrong-secret')).send(target(), hello)
    expect(outcome).toEqual({
      ok: false,
      status: 0,
      message: 'bot token request failed: HTTP 401 invalid_client: AADSTS7000215: Invalid client secret.',
    })
    expect(fake.sent).toEqual([])
  })

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-22T08:00:00Z')
    expect(retryAfterMs('3', 10_000, now)).toBe(3000)
    expect(retryAfterMs('Sun, 22 Nov 2026 08:00:05 GMT', 10_000, now)).toBe(5000)
    expect(retryAfterMs('Sun, 22 Nov 2026 07:00:00 GMT', 10_000, now)).toBe(0)
    expect(retryAfterMs(null, 10_000, now)).toBe(1000)
    expect(retryAfterMs('soon', 10_000, now)).toBe(1000)
  })
})
