import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPdfWorkerPool, shareWithWorkers } from '../../api/documents/create-pdf-worker-pool.ts'
import { readBodyBytes } from '../../api/read-body-bytes.ts'
import { AppError } from '../../knowledge/errors.ts'
import { limitBodySize } from '../../platform/http/limit-body.ts'
import { makePdf } from '../helpers/documents-fixtures.ts'

const MAX = 4 * 1024 * 1024

describe('reading a large upload straight from the socket', () => {
  let server: ServerType
  let port: number
  const seen: { flowing: boolean | null; byteLength: number }[] = []

  beforeAll(async () => {
    const app = new Hono<{ Bindings: { incoming: IncomingMessage } }>().post(
      '/upload',
      limitBodySize({ maxSize: MAX, onError: (c) => c.text('too large', 413) }),
      async (c) => {
        // Untouched until the handler reads it: no web stream was opened on it by the limit.
        const flowing = c.env.incoming.readableFlowing
        try {
          const body = await readBodyBytes({ c, maxBytes: MAX })
          seen.push({ flowing, byteLength: body.byteLength })
          const bytes = new Uint8Array(body)
          let sum = 0
          for (const b of bytes) sum = (sum + b) % 65_521
          return c.json({ length: bytes.byteLength, sum })
        } catch (error) {
          return c.json({ code: error instanceof AppError ? error.code : 'OTHER' }, 400)
        }
      },
    )
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('gets every byte, in a buffer exactly the body’s size, without the limit opening the body', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251)
    let sum = 0
    for (const b of bytes) sum = (sum + b) % 65_521
    const res = await fetch(`http://127.0.0.1:${port}/upload`, { method: 'POST', body: bytes })
    expect(await res.json()).toEqual({ length: bytes.byteLength, sum })
    expect(seen.at(-1)).toEqual({ flowing: null, byteLength: bytes.byteLength })
  })

  it('refuses a body over the limit by its Content-Length (413)', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/upload`, {
      method: 'POST',
      body: new Uint8Array(MAX + 1),
    })
    expect(res.status).toBe(413)
  })

  it('still reads a chunked body (no Content-Length)', async () => {
    const chunks = [new Uint8Array(70_000).fill(1), new Uint8Array(70_000).fill(2)]
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c)
        controller.close()
      },
    })
    const res = await fetch(`http://127.0.0.1:${port}/upload`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await res.json()).toEqual({ length: 140_000, sum: (70_000 + 140_000) % 65_521 })
  })

  it('gives up, without hanging, when the client stops before Content-Length', async () => {
    const before = seen.length
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/upload',
        headers: { 'content-length': String(1024 * 1024) },
      })
      req.on('error', () => resolve())
      req.write(new Uint8Array(1000))
      setTimeout(() => {
        req.destroy()
        resolve()
      }, 100)
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(seen.length).toBe(before)
  })
})

describe('an uploaded PDF sent to the PDF workers again', () => {
  it('is read once into shared memory, and later jobs on it get the same bytes from that twin', async () => {
    const pool = createPdfWorkerPool({ trustRoots: [], size: 1, queueLimit: 4, budgetMs: 20_000 })
    try {
      const pdf = await makePdf({ padTo: 2 * 1024 * 1024 })
      const form = new FormData()
      form.set('file', new File([pdf], 'van-ban.pdf', { type: 'application/pdf' }))
      const encoded = new Response(form)
      const body = await encoded.arrayBuffer()
      const { file } = await pool.run(
        { op: 'readForm', body, contentType: encoded.headers.get('content-type') ?? '' },
        [body],
      )
      expect(body.byteLength).toBe(0) // moved to the worker, not copied
      if (!file?.shared) throw new Error('no shared twin for a 2 MB file')
      const same = (a: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(pdf)) === 0
      expect(same(file.bytes)).toBe(true)
      expect(file.shared.buffer).toBeInstanceOf(SharedArrayBuffer)
      expect(same(file.shared)).toBe(true)
      shareWithWorkers(file.bytes, file.shared)
      expect(await pool.run({ op: 'countPages', pdf: file.bytes })).toBe(1)
      const { verification } = await pool.run({ op: 'verify', pdf: file.bytes, budgetMs: 5000 })
      expect(verification.signatures).toEqual([])
    } finally {
      await pool.close()
    }
  })
})
