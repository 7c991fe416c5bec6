import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Reply } from '../../../bot/core/reply.types.ts'
import { interactions } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp, useTestApp } from '../../helpers/create-test-app.ts'
import { postJson, requestFrom, statusesInTurn } from '../../helpers/requests-from.ts'

const t = useTestApp()

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

  it('does not take a session id the server did not issue: a new session gets a new random id', async () => {
    const chosen = 'AAAAAAAAAAAAAAAAAAAAAAAA'
    const { status, body } = await send({ sessionId: chosen, text: 'đăng ký khai sinh' })
    expect(status).toBe(200)
    expect(body.sessionId).not.toBe(chosen)
    expect(body.sessionId).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const guessed = await t.app.request(`/v1/chat/history?sessionId=${chosen}`)
    expect(await guessed.json()).toEqual({ sessionId: chosen, messages: [] })
    const own = await t.app.request(`/v1/chat/history?sessionId=${body.sessionId}`)
    expect(((await own.json()) as { messages: unknown[] }).messages).toHaveLength(2)
    const feedback = await t.app.request('/v1/chat/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: chosen, interactionId: 'abcdefgh', useful: false }),
    })
    expect(feedback.status).toBe(404)
  })

  it('returns an empty history for an unknown session and 400 for a malformed id', async () => {
    const unknown = await t.app.request('/v1/chat/history?sessionId=AAAAAAAAAAAAAAAAAAAAAAAA')
    expect(await unknown.json()).toEqual({ sessionId: 'AAAAAAAAAAAAAAAAAAAAAAAA', messages: [] })
    expect((await t.app.request('/v1/chat/history?sessionId=../etc')).status).toBe(400)
  })
})

describe('web chat rate limit', () => {
  const from = (app: TestApp, address: string, path: string, body?: unknown) =>
    requestFrom(app.app, address, path, body === undefined ? {} : postJson(body))

  it('limits a client address that omits or changes the sessionId, with 429 and Retry-After', async () => {
    const limited = await createTestApp({ RATE_LIMIT_CHAT_PER_MINUTE: '3' })
    try {
      const statuses = await statusesInTurn(4, () =>
        from(limited, '198.51.100.20', '/v1/chat/messages', { text: 'xin chào' }),
      )
      expect(statuses).toEqual([200, 200, 200, 429])
      const refused = await from(
        limited,
        '198.51.100.20',
        '/v1/chat/history?sessionId=AAAAAAAAAAAAAAAAAAAAAAAA',
      )
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^Bạn gửi quá nhiều yêu cầu trong một phút/,
      )
      expect((await from(limited, '198.51.100.21', '/v1/chat/messages', { text: 'xin chào' })).status).toBe(
        200,
      )
    } finally {
      limited.close()
    }
  })

  it('limits one session used from many addresses', async () => {
    const limited = await createTestApp({ RATE_LIMIT_CHAT_PER_MINUTE: '2' })
    try {
      const first = await from(limited, '203.0.113.1', '/v1/chat/messages', { text: 'xin chào' })
      const { sessionId } = (await first.json()) as { sessionId: string }
      const next = await from(limited, '203.0.113.2', '/v1/chat/messages', { sessionId, text: 'xin chào' })
      expect(next.status).toBe(200)
      const third = await from(limited, '203.0.113.3', '/v1/chat/messages', { sessionId, text: 'xin chào' })
      expect(third.status).toBe(429)
    } finally {
      limited.close()
    }
  })

  it('is off with RATE_LIMIT_CHAT_PER_MINUTE=0', async () => {
    const open = await createTestApp({ RATE_LIMIT_CHAT_PER_MINUTE: '0' })
    try {
      const statuses = await statusesInTurn(40, () =>
        from(open, '198.51.100.22', '/v1/chat/history?sessionId=AAAAAAAAAAAAAAAAAAAAAAAA'),
      )
      expect(new Set(statuses)).toEqual(new Set([200]))
    } finally {
      open.close()
    }
  })
})
