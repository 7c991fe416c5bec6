/**
 * Two real server processes (`node api/main.ts`) over one database file, with the default
 * `RATE_LIMIT_SCOPE=database`: a client spread over both gets the limit once, not twice, and a
 * flood of concurrent questions and chat messages to both never fails with a 5xx.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useServers } from '../helpers/use-servers.ts'

const post = (base: string, path: string, body: unknown, forwardedFor: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Forwarded-For': forwardedFor },
    body: JSON.stringify(body),
  })

describe('HTTP limits across two server processes over one database', () => {
  // Both behind "one proxy" (the test), so each request names its client in X-Forwarded-For.
  const env = { TRUST_PROXY_HOPS: '1', RATE_LIMIT_ASK_PER_MINUTE: '5' }
  const [a, b] = useServers({
    name: 'limits',
    envs: [() => env, (dir) => ({ ...env, CA_DIR: join(dir, 'ca-b') })],
    timeoutMs: 60_000,
  })

  it('refuses the (limit+1)-th question of one client alternating between the processes, with Retry-After', async () => {
    const statuses = []
    for (let i = 0; i < 5; i += 1)
      statuses.push(
        (await post(i % 2 ? b.url : a.url, '/v1/ask', { text: 'hộ chiếu' }, '198.51.100.80')).status,
      )
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    const refused = await post(b.url, '/v1/ask', { text: 'hộ chiếu' }, '198.51.100.80')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
  })

  it('answers a concurrent flood to both processes without a 5xx, each token spent once', async () => {
    const asks = Array.from({ length: 30 }, (_, i) =>
      post(i % 2 ? a.url : b.url, '/v1/ask', { text: 'khai sinh' }, '198.51.100.81'),
    )
    const chats = Array.from({ length: 30 }, (_, i) =>
      post(i % 2 ? b.url : a.url, '/v1/chat/messages', { text: 'đăng ký kết hôn' }, `203.0.113.${150 + i}`),
    )
    const askStatuses = (await Promise.all(asks)).map((r) => r.status)
    const chatStatuses = (await Promise.all(chats)).map((r) => r.status)
    expect(askStatuses.filter((s) => s === 200)).toHaveLength(5)
    expect(askStatuses.filter((s) => s === 429)).toHaveLength(25)
    expect(chatStatuses).toEqual(Array(30).fill(200))
    expect(a.output() + b.output()).not.toMatch(/"level":"error"/)
  }, 60_000)
})
