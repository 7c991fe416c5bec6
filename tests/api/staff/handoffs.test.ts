import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandoffStore } from '../../../bot/handoff/handoff-store.ts'
import { createReplyWindow } from '../../../bot/zalo/reply-window.ts'
import { auditLog } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import { type FakeTelegramServer, startFakeTelegramServer } from '../../helpers/fake-telegram-server.ts'
import { type FakeZaloServer, startFakeZaloServer, zaloEnv } from '../../helpers/fake-zalo-server.ts'
import { addStaffAccounts } from '../../helpers/staff-accounts.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const PASSWORD = 'mật khẩu đủ dài 2026'
const json = { 'content-type': 'application/json' }
type Reply = { type: string; text?: string }
type Ticket = {
  id: number
  channel: string
  userId: string
  status: string
  outsideHours: boolean
  claimedBy: string | null
  note: string | null
  messages: { from: string; text: string; delivered: boolean }[]
}

const chat = async (t: TestApp, text: string, sessionId?: string) => {
  const res = await t.app.request('/v1/chat/messages', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text, ...(sessionId ? { sessionId } : {}) }),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { sessionId: string; replies: Reply[] }
}

const logIn = async (t: TestApp, role: 'agent' | 'viewer') => {
  const email = `${role}-handoff@so-tp.vn`
  await addStaffAccounts({ db: t.testDb.db, password: PASSWORD, accounts: [{ email, name: role, role }] })
  const res = await t.app.request('/v1/admin/session', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  expect(res.status).toBe(200)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { email, headers: { ...json, cookie, 'x-csrf-token': csrfToken } }
}

const staffPost = (t: TestApp, headers: Record<string, string>, path: string, body: unknown = {}) =>
  t.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) })

const listTickets = async (t: TestApp, headers: Record<string, string>, query = '') => {
  const res = await t.app.request(`/v1/admin/handoffs${query}`, { headers })
  expect(res.status).toBe(200)
  return ((await res.json()) as { handoffs: Ticket[] }).handoffs
}

describe('live hand-off on the web chat, within staff hours', () => {
  let t: TestApp, agent: Awaited<ReturnType<typeof logIn>>, viewer: Awaited<ReturnType<typeof logIn>>
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_TOKEN, STAFF_HOURS: '24/7' })
    agent = await logIn(t, 'agent')
    viewer = await logIn(t, 'viewer')
  }, 60_000)
  afterAll(() => t?.close())

  it('opens a ticket with the conversation so far, routes messages to the agent and resumes the bot after closing', async () => {
    const first = await chat(t, 'làm hộ chiếu cần giấy tờ gì')
    const sessionId = first.sessionId
    const asked = await chat(t, 'cho tôi gặp nhân viên, số điện thoại của tôi 0912345678', sessionId)
    expect(asked.replies[0]).toEqual({
      type: 'text',
      text: expect.stringContaining('Đang chuyển tới cán bộ hỗ trợ…'),
    })
    expect(JSON.stringify(asked.replies)).not.toContain('tổng đài')

    const [ticket] = await listTickets(t, agent.headers, '?status=open')
    expect(ticket).toMatchObject({ channel: 'web', userId: sessionId, status: 'open', outsideHours: false })
    const said = ticket!.messages.map((m) => `${m.from}: ${m.text}`).join('\n')
    expect(said).toContain('citizen: làm hộ chiếu cần giấy tờ gì')
    expect(said).toContain('citizen: cho tôi gặp nhân viên')
    expect(said).not.toContain('0912345678')
    // The citizen was told they are being put through, not given the hotline.
    expect(said).not.toContain('tổng đài')

    // While the ticket is open the citizen's messages go to the ticket, not to the bot.
    const waiting = await chat(t, 'tôi cần gia hạn hộ chiếu gấp', sessionId)
    expect(waiting.replies).toEqual([{ type: 'text', text: 'Đã chuyển tin nhắn của bạn tới cán bộ hỗ trợ.' }])

    // A viewer may read but neither claim nor reply nor close.
    expect((await staffPost(t, viewer.headers, `/v1/admin/handoffs/${ticket!.id}/claim`)).status).toBe(403)
    expect(
      (await staffPost(t, viewer.headers, `/v1/admin/handoffs/${ticket!.id}/messages`, { text: 'chào' }))
        .status,
    ).toBe(403)
    expect((await staffPost(t, viewer.headers, `/v1/admin/handoffs/${ticket!.id}/close`)).status).toBe(403)
    // Without the CSRF token the agent's session cannot change anything either.
    const { 'x-csrf-token': _csrf, ...noCsrf } = agent.headers
    expect((await staffPost(t, noCsrf, `/v1/admin/handoffs/${ticket!.id}/claim`)).status).toBe(403)

    const claimed = await staffPost(t, agent.headers, `/v1/admin/handoffs/${ticket!.id}/claim`)
    expect(claimed.status).toBe(200)
    expect(await claimed.json()).toMatchObject({ status: 'claimed', claimedBy: `staff:${agent.email}` })

    const replied = await staffPost(t, agent.headers, `/v1/admin/handoffs/${ticket!.id}/messages`, {
      text: 'Chào bạn, hồ sơ gia hạn hộ chiếu nộp tại Phòng Quản lý xuất nhập cảnh.',
    })
    expect(replied.status).toBe(201)

    const history = (await (await t.app.request(`/v1/chat/history?sessionId=${sessionId}`)).json()) as {
      messages: { from: string; text?: string; replies?: Reply[] }[]
    }
    const shown = JSON.stringify(history.messages)
    expect(shown).not.toContain('tổng đài')
    expect(shown).toContain('tôi cần gia hạn hộ chiếu gấp')
    expect(shown).toContain(
      '👤 Cán bộ hỗ trợ: Chào bạn, hồ sơ gia hạn hộ chiếu nộp tại Phòng Quản lý xuất nhập cảnh.',
    )
    const order = history.messages.map((m) => m.text ?? m.replies?.[0]?.text ?? '')
    expect(order.findIndex((s) => s.includes('gia hạn hộ chiếu gấp'))).toBeLessThan(
      order.findIndex((s) => s.includes('Phòng Quản lý xuất nhập cảnh')),
    )

    const closed = await staffPost(t, agent.headers, `/v1/admin/handoffs/${ticket!.id}/close`, {
      note: 'Đã hướng dẫn nơi nộp hồ sơ.',
    })
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({ status: 'closed', note: 'Đã hướng dẫn nơi nộp hồ sơ.' })
    expect(
      (await staffPost(t, agent.headers, `/v1/admin/handoffs/${ticket!.id}/messages`, { text: 'x' })).status,
    ).toBe(409)

    // The bot answers again.
    const after = await chat(t, 'làm hộ chiếu cần giấy tờ gì', sessionId)
    expect(JSON.stringify(after.replies)).not.toContain('Đã chuyển tin nhắn')
    expect(after.replies.length).toBeGreaterThan(1)

    const audited = await t.testDb.db.select().from(auditLog).where(eq(auditLog.entity, 'handoff'))
    expect(audited.map((a) => `${a.actor} ${a.action}`)).toEqual([
      `staff:${agent.email} handoff.claim`,
      `staff:${agent.email} handoff.reply`,
      `staff:${agent.email} handoff.close`,
    ])
  }, 30_000)

  it('the /contact command and the menu contact choice hand off too; the stream announces tickets live', async () => {
    const res = await t.app.request('/v1/admin/handoffs/stream', { headers: agent.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let received = ''
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) break
        received += decoder.decode(value)
      }
    }
    await readUntil('event: ready')
    const command = await chat(t, '/contact')
    expect(command.replies[0]?.text).toContain('Đang chuyển tới cán bộ hỗ trợ…')
    await readUntil('"type":"created"')
    expect(received).toMatch(/event: handoff\ndata: \{"type":"created","handoffId":\d+\}/)
    // A ticket opened by another process serving the bot (its own store) is announced too.
    await createHandoffStore({ db: t.testDb.db }).open({
      channel: 'telegram',
      userId: '777',
      outsideHours: false,
      messages: [{ from: 'citizen', text: 'cho tôi gặp nhân viên' }],
    })
    await readUntil('{"type":"changed"}')
    await reader.cancel()

    const menu = await t.app.request('/v1/chat/messages', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ choice: 'm:contact' }),
    })
    const body = (await menu.json()) as { replies: Reply[] }
    expect(body.replies[0]?.text).toContain('Đang chuyển tới cán bộ hỗ trợ…')
  }, 30_000)
})

describe('outside staff hours', () => {
  let t: TestApp
  beforeAll(async () => {
    // A day that is not today (UTC): never within hours during the test.
    const other = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][(new Date().getUTCDay() + 2) % 7]
    t = await createTestApp({
      ADMIN_TOKEN,
      STAFF_HOURS: `${other} 00:00-01:00 UTC`,
      BOT_HOTLINE: '1900 1234',
    })
  })
  afterAll(() => t?.close())

  it('captures the question as a ticket and tells the citizen when staff will answer, and the hotline', async () => {
    const asked = await chat(t, 'nói chuyện với người thật')
    const text = asked.replies[0]?.text ?? ''
    expect(text).toContain('ngoài giờ làm việc')
    expect(text).toContain('1900 1234')
    const admin = { ...json, authorization: `Bearer ${ADMIN_TOKEN}` }
    const [ticket] = await listTickets(t, admin)
    expect(ticket).toMatchObject({
      channel: 'web',
      userId: asked.sessionId,
      status: 'open',
      outsideHours: true,
    })
    expect(ticket!.messages[0]).toMatchObject({ from: 'citizen', text: 'nói chuyện với người thật' })
  })
})

describe('replies reach Telegram and Zalo', () => {
  let telegram: FakeTelegramServer, zalo: FakeZaloServer, t: TestApp
  const admin = { ...json, authorization: `Bearer ${ADMIN_TOKEN}` }
  beforeAll(async () => {
    telegram = await startFakeTelegramServer()
    zalo = await startFakeZaloServer()
    t = await createTestApp({
      ADMIN_TOKEN,
      STAFF_HOURS: '24/7',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ...zaloEnv(zalo, 'oa-secret-key-ABC'),
    })
  })
  afterAll(async () => {
    t?.close()
    await telegram?.close()
    await zalo?.close()
  })

  const handOff = async (channel: 'telegram' | 'zalo', userId: string) => {
    const replies = await t.deps.conversation.handle({
      channel,
      userId,
      text: 'cho tôi gặp nhân viên',
    })
    expect(replies[0]).toMatchObject({
      type: 'text',
      text: expect.stringContaining('Đang chuyển tới cán bộ'),
    })
    const ticket = (await listTickets(t, admin, '?status=open')).find((h) => h.userId === userId)
    expect(ticket).toMatchObject({ channel })
    return ticket!
  }

  it('keeps the hotline answer on Bot Framework (Teams), where a staff reply could not be delivered', async () => {
    const replies = await t.deps.conversation.handle({
      channel: 'botframework',
      userId: 'teams-digest-1',
      text: 'cho tôi gặp nhân viên',
    })
    expect(JSON.stringify(replies)).toContain('tổng đài')
    expect((await listTickets(t, admin)).some((h) => h.channel === 'botframework')).toBe(false)
  })

  it('opens one ticket when a citizen asks for a person twice at once', async () => {
    const chatWith = t.deps.conversation
    await Promise.all(
      [0, 1, 2].map(() =>
        chatWith.handle({ channel: 'telegram', userId: '555003', text: 'cho tôi gặp nhân viên' }),
      ),
    )
    const mine = (await listTickets(t, admin)).filter((h) => h.userId === '555003' && h.status !== 'closed')
    expect(mine).toHaveLength(1)
  })

  it('limits how fast a waiting citizen can add messages to the ticket', async () => {
    const ticket = await handOff('telegram', '555002')
    const chatWith = t.deps.conversation
    const answers: Reply[][] = []
    for (let i = 0; i < 8; i += 1)
      answers.push(
        (await chatWith.handle({ channel: 'telegram', userId: '555002', text: `tin ${i}` })) as Reply[],
      )
    expect(
      answers.slice(0, 6).every((r) => r[0]?.text === 'Đã chuyển tin nhắn của bạn tới cán bộ hỗ trợ.'),
    ).toBe(true)
    expect(answers[6]?.[0]?.text).toContain('hơi nhanh')
    expect(answers[7]).toEqual([])
    const [stored] = (await listTickets(t, admin)).filter((h) => h.id === ticket.id)
    expect(stored!.messages.filter((m) => m.from === 'citizen' && m.text.startsWith('tin '))).toHaveLength(6)
  })

  it('sends the agent reply and the closing message to the Telegram chat', async () => {
    const ticket = await handOff('telegram', '555001')
    const res = await staffPost(t, admin, `/v1/admin/handoffs/${ticket.id}/messages`, {
      text: 'Chào bạn <3, tôi là cán bộ.',
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { message: { delivered: boolean } }).message.delivered).toBe(true)
    const [sent] = await telegram.waitFor('sendMessage', 1)
    expect(sent!.payload).toMatchObject({
      chat_id: '555001',
      text: '👤 Cán bộ hỗ trợ: Chào bạn &lt;3, tôi là cán bộ.',
    })
    await staffPost(t, admin, `/v1/admin/handoffs/${ticket.id}/close`, {})
    const calls = await telegram.waitFor('sendMessage', 2)
    expect(String(calls[1]!.payload['text'])).toContain('kết thúc cuộc trò chuyện')
  })

  it('sends the reply through Zalo inside the free reply window, and keeps it undelivered outside', async () => {
    await createReplyWindow({ db: t.testDb.db }).recordInbound('8000001')
    const inside = await handOff('zalo', '8000001')
    const res = await staffPost(t, admin, `/v1/admin/handoffs/${inside.id}/messages`, {
      text: 'Chào bạn, tôi là cán bộ.',
    })
    expect(((await res.json()) as { message: { delivered: boolean } }).message.delivered).toBe(true)
    expect(zalo.sent.at(-1)).toMatchObject({
      userId: '8000001',
      message: { text: '👤 Cán bộ hỗ trợ: Chào bạn, tôi là cán bộ.' },
    })

    const outside = await handOff('zalo', '8000002') // never wrote through the webhook: no window
    const before = zalo.sent.length
    const late = await staffPost(t, admin, `/v1/admin/handoffs/${outside.id}/messages`, {
      text: 'Trả lời muộn.',
    })
    expect(((await late.json()) as { message: { delivered: boolean } }).message.delivered).toBe(false)
    expect(zalo.sent.length).toBe(before)
  })
})
