import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getFigures, vietnamDayStart } from '../../../api/staff/get-figures.ts'
import { handoffs, interactions } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` }

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ ADMIN_TOKEN, RATE_LIMIT_CHAT_PER_MINUTE: '0' })
  for (const text of [
    'đăng ký khai sinh cần giấy tờ gì',
    'làm lại cccd bị mất',
    'giá vé máy bay đi Đà Nẵng',
    'xin chào',
  ]) {
    const res = await t.app.request('/v1/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    })
    expect(res.status).toBe(200)
  }
})
afterAll(() => t?.close())

describe('figures', () => {
  it('counts questions per day and channel, by kind, and lists the procedures asked', async () => {
    const res = await t.app.request('/v1/admin/figures', { headers: admin })
    expect(res.status).toBe(200)
    const f = (await res.json()) as Awaited<ReturnType<typeof getFigures>>
    const stored = await t.testDb.db.select().from(interactions)
    expect(f.total).toBe(stored.length)
    expect(f.byDay.reduce((s, r) => s + r.count, 0)).toBe(stored.length)
    expect(f.byDay.every((r) => r.channel === 'web')).toBe(true)
    expect(f.byKind.map((k) => k.kind)).toEqual(expect.arrayContaining(['not_found']))
    expect(f.byKind.reduce((s, k) => s + k.share, 0)).toBeCloseTo(1, 2)
    expect(f.topProcedures.find((p) => p.code === '1.001193')?.name).toMatch(/khai sinh/i)
    expect(f.topUnanswered[0]?.text).toMatch(/vé máy bay/)
  })

  it('counts a request for a person right after an answer as a wrong-answer signal', async () => {
    const day = '2026-03-02'
    const at = vietnamDayStart(day) + 9 * 3_600_000
    const row = (id: string, sessionId: string, kind: string, minutes: number) => ({
      id,
      sessionId,
      channel: 'telegram',
      text: 'x',
      kind,
      createdAt: at + minutes * 60_000,
    })
    await t.testDb.db.insert(interactions).values([
      // answered, then asked for a person 3 minutes later: counted
      row('after-1', 'session-after-1', 'answer', 0),
      row('after-2', 'session-after-1', 'contact', 3),
      // asked for a person first: not counted
      row('after-3', 'session-after-2', 'contact', 0),
      row('after-4', 'session-after-2', 'answer', 1),
      // an answer long before (2 hours): not counted
      row('after-5', 'session-after-3', 'answer', 0),
      row('after-6', 'session-after-3', 'contact', 120),
      // an answer in another conversation: not counted
      row('after-7', 'session-after-4', 'contact', 2),
    ])
    const f = await getFigures({ db: t.testDb.db, from: day, to: day })
    expect(f.handoffAfterAnswer).toEqual({ count: 1, ofAnswers: 3, share: 0.333 })
    const csv = await (
      await t.app.request(`/v1/admin/figures.csv?from=${day}&to=${day}`, { headers: admin })
    ).text()
    expect(csv).toContain('gap_can_bo_sau_tra_loi,,answer,,1,0.333')
  })

  it('puts each interaction on its Vietnamese calendar day (UTC+7)', async () => {
    const late = vietnamDayStart('2026-01-01') - 60_000 // 23:59 on 31 December in Hà Nội
    await t.testDb.db.insert(interactions).values({
      id: 'figure-late',
      sessionId: 's',
      channel: 'zalo',
      text: 'x',
      kind: 'answer',
      createdAt: late,
    })
    const f = await getFigures({ db: t.testDb.db, from: '2025-12-31', to: '2026-01-01' })
    expect(f.byDay).toEqual([{ day: '2025-12-31', channel: 'zalo', count: 1 }])
  })

  it('downloads CSV that spreadsheets read in Vietnamese and cannot turn into formulas', async () => {
    await t.app.request('/v1/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '=HYPERLINK("http://x") thủ tục gì đây' }),
    })
    const res = await t.app.request('/v1/admin/figures.csv', { headers: admin })
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="trolyso-so-lieu-/)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 byte order mark
    const csv = bytes.subarray(3).toString('utf8')
    expect(csv.startsWith('bang,ngay,')).toBe(true)
    expect(csv).toMatch(/theo_loai,,not_found,,\d+/)
    expect(csv).not.toMatch(/,=HYPERLINK/)
  })

  it('draws the daily chart as an accessible SVG', async () => {
    const res = await t.app.request('/v1/admin/figures/daily.svg', { headers: admin })
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/)
    const svg = await res.text()
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Số câu hỏi mỗi ngày theo kênh/)
    expect(svg).toMatch(/<rect [^>]*fill="#8b0000"><title>\d{4}-\d{2}-\d{2} · Trang web: \d+<\/title>/)
    expect(svg).not.toContain('<script')
  })

  it('refuses a period that is not one, and answers only staff', async () => {
    expect(
      (await t.app.request('/v1/admin/figures?from=2026-12-31&to=2026-01-01', { headers: admin })).status,
    ).toBe(400)
    expect((await t.app.request('/v1/admin/figures?from=hôm qua', { headers: admin })).status).toBe(400)
    expect(
      (await t.app.request('/v1/admin/figures?from=2020-01-01&to=2026-01-01', { headers: admin })).status,
    ).toBe(400)
    expect((await t.app.request('/v1/admin/figures')).status).toBe(401)
  })

  it('reports hand-off waiting times: median, 90th percentile and longest, counting only tickets opened within hours and claimed', async () => {
    const now = Date.now()
    const rows = [10, 20, 30, 40, 50, 60, 70, 80, 90, 600].map((seconds) => ({
      channel: 'web',
      userId: `s-${seconds}`,
      status: 'claimed' as const,
      createdAt: now - 3_600_000,
      claimedAt: now - 3_600_000 + seconds * 1000,
    }))
    await t.testDb.db.insert(handoffs).values([
      ...rows,
      {
        channel: 'zalo',
        userId: 'night',
        status: 'claimed',
        outsideHours: true,
        createdAt: now - 3_600_000,
        claimedAt: now,
      },
      { channel: 'telegram', userId: 'waiting', status: 'open', createdAt: now - 60_000 },
    ])
    const res = await t.app.request('/v1/admin/figures', { headers: admin })
    const f = (await res.json()) as Awaited<ReturnType<typeof getFigures>>
    expect(f.handoffs).toEqual({
      count: 12,
      outsideHours: 1,
      claimed: 11,
      waitSeconds: { median: 50, p90: 90, max: 600 },
    })
    const csv = await (await t.app.request('/v1/admin/figures.csv', { headers: admin })).text()
    expect(csv).toContain('cho_can_bo_giay,,median,,50,')
    expect(csv).toContain('chuyen_can_bo,,ngoai_gio,,1,')
  })
})
