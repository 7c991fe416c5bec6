import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reply } from '../../../bot/core/reply.types.ts'
import { interactions } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const send = async (body: unknown) => {
  const response = await t.app.request('/v1/chat/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    body: (await response.json()) as { sessionId: string; replies: Reply[]; said?: string },
  }
}

describe('web chat API', () => {
  it('serves the chat page in Vietnamese with a labelled input and a live message log', async () => {
    const response = await t.app.request('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await response.text()
    expect(html).toContain('<html lang="vi">')
    expect(html).toContain('<label for="question">')
    expect(html).toContain('aria-live="polite"')
    expect((await t.app.request('/chat/chat.js')).headers.get('content-type')).toContain('javascript')
  })

  it('starts a session, answers, follows up, and restores the masked history', async () => {
    const first = await send({ text: 'lam lai can cuoc bi mat, sdt 0912345678' })
    expect(first.status).toBe(200)
    expect(first.body.sessionId).toMatch(/^[A-Za-z0-9_-]{24}$/)
    // The question as stored, for the citizen's own bubble.
    expect(first.body.said).toBe('lam lai can cuoc bi mat, sdt ***')
    expect(first.body.replies.some((r) => r.type === 'text' && r.procedure?.code === '1.014064')).toBe(true)

    const second = await send({ sessionId: first.body.sessionId, text: 'phí bao nhiêu' })
    const heading = second.body.replies.find((r) => r.type === 'text' && r.procedure)
    expect(heading).toMatchObject({
      procedure: { code: '1.014064' },
      text: expect.stringContaining('Lệ phí'),
    })

    const history = await t.app.request(`/v1/chat/history?sessionId=${first.body.sessionId}`)
    const { messages } = (await history.json()) as { messages: { from: string; text?: string }[] }
    expect(messages.map((m) => m.from)).toEqual(['user', 'bot', 'user', 'bot'])
    expect(messages[0]!.text).toBe('lam lai can cuoc bi mat, sdt ***')
  })

  it('records feedback through the feedback endpoint', async () => {
    const { body } = await send({ text: 'đăng ký khai sinh' })
    const feedback = body.replies.find((r) => r.type === 'choices' && r.purpose === 'feedback')
    const interactionId = feedback!.type === 'choices' ? feedback!.choices[0]!.id.split(':')[2]! : ''
    const response = await t.app.request('/v1/chat/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: body.sessionId, interactionId, useful: true }),
    })
    expect(response.status).toBe(200)
    const [row] = await t.deps.db.select().from(interactions).where(eq(interactions.id, interactionId))
    expect(row?.feedback).toBe('useful')
  })

  it.each([
    [{}, 400],
    [{ text: 'a', choice: 'm:help' }, 400],
    [{ sessionId: 'short', text: 'a' }, 400],
    [{ text: 'x'.repeat(1001) }, 400],
  ])('rejects %j', async (body, status) => {
    expect((await send(body)).status).toBe(status)
  })

  it('returns an empty history for an unknown session and 400 for a malformed id', async () => {
    const unknown = await t.app.request('/v1/chat/history?sessionId=AAAAAAAAAAAAAAAAAAAAAAAA')
    expect(await unknown.json()).toEqual({ sessionId: 'AAAAAAAAAAAAAAAAAAAAAAAA', messages: [] })
    expect((await t.app.request('/v1/chat/history?sessionId=../etc')).status).toBe(400)
  })
})
