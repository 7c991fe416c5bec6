import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helpers/create-test-app.ts'

const expectSecurityHeaders = (res: Response) => {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
}

describe('security headers', () => {
  const t = useTestApp()

  it('are on search results, answers, errors and unknown paths', async () => {
    const search = await t.app.request('/v1/procedures?q=khai%20sinh&limit=2')
    expect(search.status).toBe(200)
    expectSecurityHeaders(search)
    const answer = await t.app.request('/v1/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'đăng ký khai sinh cần giấy tờ gì' }),
    })
    expect(answer.status).toBe(200)
    expectSecurityHeaders(answer)
    const invalid = await t.app.request('/v1/procedures?q=')
    expect(invalid.status).toBe(400)
    expectSecurityHeaders(invalid)
    const missing = await t.app.request('/no-such-path')
    expect(missing.status).toBe(404)
    expectSecurityHeaders(missing)
  })
})

describe('security headers on responses routes build', () => {
  const t = useTestApp()
  // Routes are added before this app serves its first request (Hono builds its matcher then).
  let built: Response | null = null
  const addProbes = () => {
    t.app.get('/probe-built-response', (c) => {
      built = c.json({ ok: true })
      return built
    })
    t.app.get(
      '/probe-own-response',
      () => new Response('plain', { headers: { 'content-type': 'text/plain' } }),
    )
  }

  it('go into the response the route builds, which is served as built (not copied into a streamed one), and are added to a Response a route makes on its own', async () => {
    addProbes()
    const res = await t.app.request('/probe-built-response')
    expect(res).toBe(built)
    expectSecurityHeaders(res)
    expect(await res.json()).toEqual({ ok: true })
    const own = await t.app.request('/probe-own-response')
    expect(await own.text()).toBe('plain')
    expectSecurityHeaders(own)
  })
})
