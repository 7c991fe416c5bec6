import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServer } from '../helpers/start-server.ts'
import { useServer } from '../helpers/use-servers.ts'

describe('npm start (api/main.ts)', () => {
  const server = useServer({ name: 'main' })

  it('creates and seeds the embedded database, then reports healthy', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; procedures: number }
    expect(body.status).toBe('ok')
    expect(body.procedures).toBeGreaterThanOrEqual(60)
  })

  it('answers a citizen question over HTTP on a real port', async () => {
    const res = await fetch(`${server.url}/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'lam lai cccd bi mat o dau' }),
    })
    expect(res.status).toBe(200)
    const answer = (await res.json()) as { kind: string; text: string }
    expect(['answer', 'clarify']).toContain(answer.kind)
    expect(answer.text.length).toBeGreaterThan(20)
  })

  it('serves the OpenAPI document and the interactive docs page', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      openapi: string
      paths: object
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain('/v1/ask')
    const page = await fetch(`${server.url}/docs`)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
  })

  it('stops cleanly on SIGTERM', async () => {
    await server.stop()
    expect(server.child.exitCode).toBe(0)
  })
})

describe('npm start with a broken database', () => {
  it('stops with the SQLite cause and the path of the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trolyso-main-corrupt-'))
    try {
      writeFileSync(
        join(dir, 'trolyso.db'),
        'this is not a database, just text that fills a page '.repeat(200),
      )
      const error = await startServer({ DATA_DIR: dir }).then(
        () => null,
        (e: Error) => e,
      )
      expect(error?.message).toContain('server exited (1)')
      expect(error?.message).toContain('SQLITE_NOTADB')
      expect(error?.message).toContain(join(dir, 'trolyso.db'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
