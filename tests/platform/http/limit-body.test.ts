import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../api/app.ts'
import {
  authHeader,
  createDocumentsTestApp,
  type DocumentsTestApp,
  type Official,
} from '../../helpers/documents-app.ts'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789'
const HOME = '000.00.01.H56'
const MB = 1024 * 1024

/** A syntactically valid JSON object of about `bytes` bytes, accepted by the routes' schemas today. */
const bigJson = (fields: Record<string, unknown>, bytes = MB) =>
  JSON.stringify({ ...fields, padding: 'x'.repeat(bytes) })

/** Every route that takes JSON: all of them get the default limit (256 KB). */
const JSON_ROUTES: { method: string; path: string; body: Record<string, unknown> }[] = [
  { method: 'POST', path: '/v1/nudges', body: { kind: 'print', action: 'shown', count: 1 } },
  { method: 'POST', path: '/v1/agencies', body: { code: '000.00.09.H56', name: 'Sở thử' } },
  { method: 'POST', path: '/v1/officials', body: { name: 'Cán bộ', role: 'viewer' } },
  { method: 'POST', path: '/v1/officials/x/revoke', body: {} },
  { method: 'POST', path: '/v1/certificates', body: { csr: 'x' } },
  { method: 'POST', path: '/v1/documents/x/status', body: { status: '03' } },
  { method: 'POST', path: '/v1/signing/sessions/x/complete', body: { signature: 'AAAA' } },
  { method: 'POST', path: '/v1/signing/sessions/x/remote', body: {} },
  { method: 'POST', path: '/v1/ask', body: { text: 'hộ chiếu' } },
  { method: 'POST', path: '/v1/chat/messages', body: { text: 'hộ chiếu' } },
  { method: 'POST', path: '/v1/chat/feedback', body: { useful: true } },
  {
    method: 'PATCH',
    path: '/v1/admin/procedures/1.000001',
    body: { changes: { name: 'Tên mới' }, reason: 'sửa' },
  },
  {
    method: 'POST',
    path: '/v1/admin/procedures/1.000001/restore',
    body: { revision: 1, reason: 'khôi phục' },
  },
  { method: 'POST', path: '/v1/admin/unanswered/1', body: { status: 'dismissed' } },
  { method: 'POST', path: '/v1/no-such-route', body: {} },
]

describe('one body limit for every route', () => {
  let app: DocumentsTestApp
  let server: ServerType
  let base = ''
  let clerk: Official

  beforeAll(async () => {
    app = await createDocumentsTestApp({ env: { ADMIN_TOKEN } })
    await app.agency(HOME, 'UBND tỉnh Hà Nam')
    clerk = await app.official(HOME, 'clerk')
    const http = createApp(app.deps)
    await new Promise<void>((resolve) => {
      server = serve({ fetch: http.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve())
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    app.close()
  })

  /** In process; a string body carries its Content-Length, as HTTP clients send it. */
  const send = (method: string, path: string, body: string | ReadableStream, headers = {}) =>
    app.request(path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(typeof body === 'string' ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
        ...headers,
      },
      body,
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit)

  /** Over real HTTP: announce a body, send none of it, and see what the server says. */
  const announce = (method: string, path: string, length: number) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(length) },
      })
      req.on('response', (res) => {
        let body = ''
        res.on('data', (c: Buffer) => {
          body += c.toString()
        })
        res.on('end', () => {
          req.destroy()
          resolve({ status: res.statusCode ?? 0, body })
        })
      })
      req.on('error', reject)
      req.flushHeaders()
    })

  const chunked = (text: string) => {
    const bytes = new TextEncoder().encode(text)
    let offset = 0
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close()
        controller.enqueue(bytes.subarray(offset, offset + 64 * 1024))
        offset += 64 * 1024
      },
    })
  }

  it.each(JSON_ROUTES)(
    '$method $path: a 1 MB JSON body is refused with 413 before anything reads it',
    async ({ method, path, body }) => {
      const auth = path.startsWith('/v1/admin')
        ? { Authorization: `Bearer ${ADMIN_TOKEN}` }
        : authHeader(clerk)
      for (const res of [
        // with Content-Length, and without a token: the limit answers before authentication
        await send(method, path, bigJson(body)),
        await send(method, path, bigJson(body), auth),
        // streamed without Content-Length (chunked)
        await send(method, path, chunked(bigJson(body)), auth),
      ]) {
        expect(res.status).toBe(413)
        const error = ((await res.json()) as { error: { code: string; message: string } }).error
        expect(error.code).toBe('PAYLOAD_TOO_LARGE')
        expect(error.message).toContain('256 KB')
      }
      // a real server answers 413 before receiving a single byte of the body
      const early = await announce(method, path, MB)
      expect(early.status).toBe(413)
      expect(early.body).toContain('PAYLOAD_TOO_LARGE')
    },
  )

  it('does not count a 1 MB nudge body: the counters stay untouched', async () => {
    const res = await send(
      'POST',
      '/v1/nudges',
      bigJson({ kind: 'print', action: 'accepted', count: 5 }),
      authHeader(clerk),
    )
    expect(res.status).toBe(413)
    const rows = await app.t.db.$client.execute('SELECT count(*) AS n FROM nudge_counters')
    expect(Number(rows.rows[0]?.['n'])).toBe(0)
  })

  it('still takes a normal JSON body under the limit', async () => {
    const res = await send(
      'POST',
      '/v1/nudges',
      JSON.stringify({ kind: 'print', action: 'shown' }),
      authHeader(clerk),
    )
    expect(res.status).toBe(204)
  })

  it.each([
    ['POST', '/v1/documents', 'DOCUMENTS_MAX_BYTES'],
    ['POST', '/v1/signing/sessions', 'DOCUMENTS_MAX_BYTES'],
    ['POST', '/v1/documents/edxml', 'DOCUMENTS_MAX_BYTES'],
    ['POST', '/v1/admin/import', '200 MB'],
  ])('%s %s keeps its larger, explicit limit (%s)', async (method, path, setting) => {
    // 1 MB passes the default limit and reaches the route (which then wants a token)
    const res = await send(method, path, bigJson({}), {})
    expect(res.status).toBe(401)
    const huge = await announce(method, path, 300 * MB)
    expect(huge.status).toBe(413)
    expect(huge.body).toContain(setting)
  })
})
