import { describe, expect, it } from 'vitest'
import { useServer } from '../helpers/use-servers.ts'

type Health = { status: string; procedures: number; loading?: string }

const waitHealthy = async (url: string, timeoutMs: number): Promise<{ seen: Health[]; last: Health }> => {
  const seen: Health[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await fetch(`${url}/healthz`)
    const body = (await res.json()) as Health
    seen.push(body)
    if (res.status === 200) return { seen, last: body }
    expect(res.status).toBe(503)
    if (Date.now() > deadline) throw new Error(`not healthy after ${timeoutMs} ms: ${JSON.stringify(body)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe('first start on an empty database (KB_SEED=national, the default)', () => {
  const server = useServer({ name: 'first', env: () => ({ KB_SEED: 'national' }) })

  it('prints where to open trolyso and how to stop it', async () => {
    await expect.poll(() => server.output(), { timeout: 5000 }).toContain('Dừng: Ctrl+C')
    expect(server.output()).toContain(`trolyso đang chạy tại ${server.url}`)
    expect(server.output()).toContain(`${server.url}/docs`)
    expect(server.output()).toMatch(/Dừng: Ctrl\+C/)
  })

  it('reports loading n/N on /healthz, then serves the 2,642 national procedures', async () => {
    const { seen, last } = await waitHealthy(server.url, 240_000)
    expect(seen[0]?.status).toBe('loading')
    expect(
      seen.filter((h) => h.loading !== undefined).every((h) => /^loading( \d+\/\d+)?$/.test(h.loading!)),
    ).toBe(true)
    expect(last).toMatchObject({ status: 'ok', procedures: 2642 })
    expect(server.output()).toMatch(/"msg":"loading knowledge base"/)
  }, 250_000)

  it('answers from a procedure that only the national export has', async () => {
    // 1.000178 (complaints to the Ministry of Public Security) is not in the starter set.
    const res = await fetch(`${server.url}/v1/procedures/1.000178`)
    expect(res.status).toBe(200)
    const record = (await res.json()) as { code: string; asOf: string; source: string }
    expect(record.code).toBe('1.000178')
    expect(record.asOf).toBe('2026-07-15')
    const ask = await fetch(`${server.url}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'đổi GPLX hết bao nhiêu' }),
    })
    expect(ask.status).toBe(200)
  })

  it('does not seed again on the next start', async () => {
    await server.restart()
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as Health).procedures).toBe(2642)
    expect(server.output()).not.toMatch(/loading knowledge base/)
  }, 60_000)
})
