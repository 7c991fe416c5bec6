import { describe, expect, it } from 'vitest'
import { type TestApp, useTestApp } from '../../helpers/create-test-app.ts'
import { useServers } from '../../helpers/use-servers.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }
type Replies = { replies: { type: string; text?: string }[] }

const post = (base: string | TestApp, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }
  return typeof base === 'string' ? fetch(`${base}${path}`, init) : base.app.request(path, init)
}

describe('notices (banner and maintenance)', () => {
  const t = useTestApp({ ADMIN_TOKEN })

  it('adds a banner before every web chat reply, only on its channels, until it is removed', async () => {
    const res = await post(
      t,
      '/v1/admin/notices',
      { text: 'Cổng Dịch vụ công bảo trì đến 22:00.', mode: 'banner', channels: ['web'] },
      admin,
    )
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    await new Promise((r) => setTimeout(r, 2100))
    const web = (await (
      await post(t, '/v1/chat/messages', { text: 'làm hộ chiếu cần giấy tờ gì' })
    ).json()) as Replies
    expect(web.replies[0]).toEqual({ type: 'text', text: '📢 Cổng Dịch vụ công bảo trì đến 22:00.' })
    expect(web.replies.length).toBeGreaterThan(1)
    const telegram = await t.deps.conversation.handle({
      channel: 'telegram',
      userId: '42',
      text: 'làm hộ chiếu cần giấy tờ gì',
    })
    expect(JSON.stringify(telegram)).not.toContain('bảo trì')

    const removed = await t.app.request(`/v1/admin/notices/${id}`, { method: 'DELETE', headers: admin })
    expect(removed.status).toBe(204)
    expect(
      (await t.app.request(`/v1/admin/notices/${id}`, { method: 'DELETE', headers: admin })).status,
    ).toBe(404)
    await new Promise((r) => setTimeout(r, 2100))
    const after = (await (
      await post(t, '/v1/chat/messages', { text: 'làm hộ chiếu cần giấy tờ gì' })
    ).json()) as Replies
    expect(JSON.stringify(after)).not.toContain('bảo trì')
  }, 30_000)

  it('refuses a notice that is too short, of an unknown mode or channel, or already ended', async () => {
    for (const body of [
      { text: 'a', mode: 'banner' },
      { text: 'Bảo trì hệ thống', mode: 'popup' },
      { text: 'Bảo trì hệ thống', mode: 'banner', channels: ['fax'] },
      { text: 'Bảo trì hệ thống', mode: 'banner', until: '2020-01-01T00:00:00+07:00' },
      { text: 'Bảo trì hệ thống', mode: 'banner', until: 'tối nay' },
    ]) {
      const res = await post(t, '/v1/admin/notices', body, admin)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })
})

describe('maintenance switch across two processes over one database', () => {
  const env = () => ({ ADMIN_TOKEN, RATE_LIMIT_CHAT_PER_MINUTE: '0' })
  const [a, b] = useServers({ name: 'notices', envs: [env, env] })

  it('posted on one process, every process answers only the notice and the hotline within seconds; removed, both answer again', async () => {
    const ask = async (base: string) =>
      JSON.stringify(
        ((await (await post(base, '/v1/chat/messages', { text: 'đổi bằng lái xe' })).json()) as Replies)
          .replies,
      )
    expect(await ask(b.url)).toContain('giấy phép lái xe')
    const res = await post(
      a.url,
      '/v1/admin/notices',
      { text: 'Hệ thống đang nâng cấp đến 06:00.', mode: 'maintenance' },
      admin,
    )
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    await expect
      .poll(() => ask(b.url), { timeout: 10_000, interval: 500 })
      .toContain('Hệ thống đang nâng cấp đến 06:00.')
    const during = await ask(b.url)
    expect(during).toContain('18001096')
    expect(during).not.toContain('giấy phép lái xe')
    expect(await ask(a.url)).toContain('Hệ thống đang nâng cấp')
    await fetch(`${b.url}/v1/admin/notices/${id}`, { method: 'DELETE', headers: admin })
    await expect.poll(() => ask(a.url), { timeout: 10_000, interval: 500 }).toContain('giấy phép lái xe')
  }, 60_000)
})
