import { describe, expect, it } from 'vitest'
import { questionKey } from '../../../bot/core/record-unanswered.ts'
import type { Reply } from '../../../bot/core/reply.types.ts'
import { useTestApp } from '../../helpers/create-test-app.ts'

const ADMIN_TOKEN = 'admin-token-0123456789'
type Unanswered = {
  id: number
  text: string
  reason: string
  status: string
  count: number
  lastAskedAt: number
}

const t = useTestApp({
  ADMIN_TOKEN,
  RATE_LIMIT_CHAT_PER_MINUTE: '0',
  BOT_RATE_LIMIT_BURST: '1000',
  RETENTION_CONVERSATION_DAYS: '30',
  RETENTION_COUNTS_DAYS: '180',
})

const chat = async (text: string) => {
  const response = await t.app.request('/v1/chat/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { replies: Reply[] }).replies
}
const admin = (path: string, init: RequestInit = {}) =>
  t.app.request(path, {
    ...init,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
  })
const queue = async (status = 'open') =>
  ((await (await admin(`/v1/admin/unanswered?status=${status}`)).json()) as { results: Unanswered[] }).results

describe('unanswered questions queue', () => {
  it('keeps one entry with a count for a flood of the same question, however it is typed', async () => {
    const variants = [
      'thời tiết hà nội ngày mai thế nào',
      'Thời tiết Hà Nội ngày mai thế nào?',
      'thoi tiet ha noi ngay mai the nao',
      '  THỜI TIẾT   hà nội, ngày mai thế nào!! ',
    ]
    for (let i = 0; i < 60; i += 1) await chat(variants[i % variants.length]!)
    await chat('giá vàng hôm nay bao nhiêu')
    const open = await queue()
    const weather = open.filter((q) => questionKey(q.text) === 'thoi tiet ha noi ngay mai the nao')
    expect(weather).toHaveLength(1)
    expect(weather[0]).toMatchObject({ reason: 'not_found', count: 60, text: variants[0] })
    expect(weather[0]!.lastAskedAt).toBeGreaterThan(0)
    expect(open.some((q) => q.text === 'giá vàng hôm nay bao nhiêu' && q.count === 1)).toBe(true)
  })

  it('counts questions whose personal data differs as one (they are masked first)', async () => {
    await chat('tra cứu lương hưu của số 0912345678')
    await chat('tra cứu lương hưu của số (0915) 010-222')
    const entries = (await queue()).filter((q) => q.text.startsWith('tra cứu lương hưu'))
    expect(entries).toMatchObject([{ text: 'tra cứu lương hưu của số ***', count: 2 }])
  })

  it('opens a resolved question again when it is still asked, and leaves a dismissed one dismissed', async () => {
    await chat('xem bói tuổi mùi')
    await chat('đặt vé máy bay đi đà nẵng')
    const open = await queue()
    const resolved = open.find((q) => q.text === 'xem bói tuổi mùi')!
    const dismissed = open.find((q) => q.text === 'đặt vé máy bay đi đà nẵng')!
    for (const [id, status] of [
      [resolved.id, 'resolved'],
      [dismissed.id, 'dismissed'],
    ] as const)
      expect(
        (await admin(`/v1/admin/unanswered/${id}`, { method: 'POST', body: JSON.stringify({ status }) }))
          .status,
      ).toBe(200)
    await chat('xem bói tuổi mùi')
    await chat('đặt vé máy bay đi đà nẵng')
    expect((await queue()).find((q) => q.id === resolved.id)).toMatchObject({ status: 'open', count: 2 })
    expect((await queue('dismissed')).find((q) => q.id === dismissed.id)).toMatchObject({ count: 2 })
  })
})

describe('privacy notice', () => {
  it('tells citizens how long their questions and the counts are kept', async () => {
    const [reply] = await chat('/privacy')
    expect(reply).toMatchObject({ type: 'text' })
    const text = reply!.type === 'text' ? reply!.text : ''
    expect(text).toContain('được lưu 30 ngày')
    expect(text).toContain('giữ 180 ngày')
    expect(text).toBe(text.normalize('NFC'))
  })
})
