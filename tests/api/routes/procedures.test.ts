import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../helpers/create-test-app.ts'

describe('procedure routes', () => {
  const t = useTestApp()

  it('finds the birth registration procedure from a question typed without diacritics', async () => {
    const res = await t.app.request('/v1/procedures?q=dang%20ky%20khai%20sinh&limit=3')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      results: { code: string; name: string; levels: string[]; score: number }[]
    }
    expect(body.results.length).toBeGreaterThan(0)
    expect(body.results.length).toBeLessThanOrEqual(3)
    expect(body.results[0]!.name.normalize('NFC')).toMatch(/khai sinh/i)
    expect(body.results[0]).toEqual(
      expect.objectContaining({
        code: expect.stringMatching(/^\d\.\d{6}$/),
        levels: expect.any(Array),
        field: expect.any(String),
      }),
    )
  })

  it('returns the full structured record with its source for a known code', async () => {
    const search = (await (await t.app.request('/v1/procedures?q=khai%20sinh')).json()) as {
      results: { code: string }[]
    }
    const code = search.results[0]!.code
    const res = await t.app.request(`/v1/procedures/${code}`)
    expect(res.status).toBe(200)
    const record = (await res.json()) as Record<string, unknown>
    expect(record).toEqual(
      expect.objectContaining({
        code,
        source: expect.any(String),
        asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    )
    expect(Array.isArray(record['channels'])).toBe(true)
    expect(Array.isArray(record['documents'])).toBe(true)
  })

  it('names the path parameter that is wrong', async () => {
    const res = await t.app.request('/v1/procedures/abc')
    const body = (await res.json()) as { error: { details: { field: string }[] } }
    expect(body.error.details.map((d) => d.field)).toEqual(['code'])
  })

  it.each([
    ['/v1/procedures', 400, /q/],
    ['/v1/procedures?q=', 400, /trống/],
    [`/v1/procedures?q=${'a'.repeat(2001)}`, 400, /2000/],
    ['/v1/procedures?q=ho%20chieu&limit=0', 400, /limit/],
    ['/v1/procedures?q=ho%20chieu&limit=abc', 400, /limit/],
    ['/v1/procedures/abc', 400, /1\.001193/],
    ['/v1/procedures/9.999999', 404, /9\.999999/],
    ['/v1/khong-co', 404, /khong-co/],
  ])('answers %s with %i and a message a person can act on', async (path, status, message) => {
    const res = await t.app.request(path)
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.message).toMatch(message)
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/)
  })
})
