import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../api/config.ts'
import { createAgency } from '../../api/documents/create-agency.ts'
import { caDirOf } from '../../api/documents/documents-service.ts'
import {
  type CertificateAuthority,
  ensureCertificateAuthority,
} from '../../api/documents/init-certificate-authority.ts'
import type { Reply } from '../../bot/core/reply.types.ts'
import type { Answer } from '../../knowledge/answer/answer.types.ts'
import { createDb, type Db } from '../../knowledge/db/client.ts'
import { makePdf } from '../helpers/documents-fixtures.ts'
import { makeLocalSigner, signLocally } from '../helpers/documents-signer.ts'
import { type LibsqlServer, startLibsqlServer } from '../helpers/libsql-server.ts'
import { repoRoot } from '../helpers/paths.ts'
import { type RunningServer, startServer } from '../helpers/start-server.ts'

/**
 * `npm start` with `DATABASE_URL=http://…` and `DATABASE_AUTH_TOKEN`: a real libSQL server
 * (sqld) reached through a proxy that adds 1 ms to every round trip, as several hosts in one
 * data centre would share it. Everything the server writes must land on the libSQL server.
 */
describe('npm start over a libSQL server (sqld)', () => {
  let sqld: LibsqlServer
  let dir: string
  let server: RunningServer
  let db: Db
  let ca: CertificateAuthority
  const count = async (sql: string) => Number((await db.$client.execute(sql)).rows[0]?.[0])
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    sqld = await startLibsqlServer({ latencyMs: 1 })
    dir = mkdtempSync(join(tmpdir(), 'trolyso-remote-'))
    ca = await ensureCertificateAuthority(caDirOf(loadConfig({ DATA_DIR: dir })))
    server = await startServer({
      DATA_DIR: dir,
      DATABASE_URL: sqld.url,
      DATABASE_AUTH_TOKEN: sqld.authToken,
      KB_SEED: 'starter',
      // no background version checks: the round trips a test sees are its request's own
      KB_REFRESH_SECONDS: '0',
    })
    db = await createDb({ url: sqld.directUrl, authToken: sqld.authToken })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    db?.$client.close()
    await sqld?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('applies every migration and seeds the starter set on the server, with no local database file', async () => {
    const journal = JSON.parse(
      readFileSync(join(repoRoot, 'knowledge/db/migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: unknown[] }
    expect(await count('SELECT count(*) FROM __drizzle_migrations')).toBe(journal.entries.length)
    expect(await count('SELECT count(*) FROM procedures')).toBe(75)
    expect(existsSync(join(dir, 'trolyso.db'))).toBe(false)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({
      status: 'ok',
      procedures: 75,
      checks: { database: { ok: true, writable: true } },
    })
  })

  it('searches', async () => {
    const res = await fetch(
      `${server.url}/v1/procedures?q=${encodeURIComponent('lam lai can cuoc bi mat')}&limit=3`,
    )
    const { results } = (await res.json()) as { results: { code: string }[] }
    expect(results[0]?.code).toBe('1.014064')
  })

  it('keeps an /v1/ask session on the server: a follow-up stays on the procedure', async () => {
    const sessions = await count('SELECT count(*) FROM chat_sessions')
    const sessionId = 'remote-session-follow-up'
    const first = (await (
      await post('/v1/ask', { text: 'thủ tục cấp hộ chiếu phổ thông', sessionId })
    ).json()) as Answer
    const chosen =
      first.kind === 'answer'
        ? first
        : ((await (await post('/v1/ask', { text: '1', sessionId })).json()) as Answer)
    expect(chosen.kind).toBe('answer')
    const followUp = (await (
      await post('/v1/ask', { text: 'lệ phí bao nhiêu?', sessionId })
    ).json()) as Answer
    expect(followUp).toMatchObject({
      kind: 'answer',
      facet: 'fees',
      procedure: { code: chosen.procedure!.code },
    })
    expect(await count('SELECT count(*) FROM chat_sessions')).toBe(sessions + 1)
    // RATE_LIMIT_SCOPE=database (the default): the counts are on the server too
    expect(await count('SELECT count(*) FROM request_limits')).toBeGreaterThan(0)
  })

  it('reads an /v1/ask session while counting it: two round trips at once, not one after the other', async () => {
    sqld.setLatency(50)
    try {
      sqld.takePeakInFlight()
      const res = await post('/v1/ask', { text: 'lệ phí bao nhiêu?', sessionId: 'remote-session-follow-up' })
      expect(res.status).toBe(200)
      expect(sqld.takePeakInFlight()).toBeGreaterThanOrEqual(2)
    } finally {
      sqld.setLatency(1)
    }
  })

  it('answers the web chat and keeps its conversation and interactions on the server', async () => {
    const interactions = await count('SELECT count(*) FROM interactions')
    const first = (await (await post('/v1/chat/messages', { text: 'lam lai can cuoc bi mat' })).json()) as {
      sessionId: string
      replies: Reply[]
    }
    expect(first.replies.some((r) => r.type === 'text' && r.procedure?.code === '1.014064')).toBe(true)
    const second = (await (
      await post('/v1/chat/messages', { sessionId: first.sessionId, text: 'phí bao nhiêu' })
    ).json()) as { replies: Reply[] }
    expect(second.replies.find((r) => r.type === 'text' && r.procedure)).toMatchObject({
      procedure: { code: '1.014064' },
      text: expect.stringContaining('Lệ phí'),
    })
    const history = (await (
      await fetch(`${server.url}/v1/chat/history?sessionId=${first.sessionId}`)
    ).json()) as { messages: { from: string }[] }
    expect(history.messages.map((m) => m.from)).toEqual(['user', 'bot', 'user', 'bot'])
    expect(await count('SELECT count(*) FROM interactions')).toBe(interactions + 2)
  })

  it('accepts a signed document from an official and stores it on the server', async () => {
    const sender = '000.00.01.H56'
    const to = ['000.00.02.H56', '000.00.03.H56']
    await createAgency({ db, code: sender, name: 'UBND tỉnh', actor: 'test' })
    for (const code of to) await createAgency({ db, code, name: `Sở ${code}`, actor: 'test' })
    const approver = await makeLocalSigner({ db, ca, agencyCode: sender, role: 'approver', name: 'Chủ tịch' })
    const clerk = await makeLocalSigner({ db, ca, agencyCode: sender, role: 'clerk', name: 'Văn thư' })
    const pdf = await signLocally(
      await signLocally(await makePdf({ pages: 2 }), approver, 'approver', ca),
      clerk,
      'organisation',
      ca,
    )
    const form = new FormData()
    form.set('file', new File([new Uint8Array(pdf)], 'vb.pdf', { type: 'application/pdf' }))
    form.set(
      'header',
      JSON.stringify({
        to,
        notation: '12/QĐ-UBND',
        place: 'Phủ Lý',
        promulgatedAt: '2026-11-20',
        type: 'Quyết định',
        subject: 'Văn bản qua máy chủ libSQL',
      }),
    )
    const res = await fetch(`${server.url}/v1/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clerk.token}` },
      body: form,
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const stored = await db.$client.execute({
      sql: 'SELECT subject FROM documents WHERE id = ?',
      args: [id],
    })
    expect(stored.rows[0]?.['subject']).toBe('Văn bản qua máy chủ libSQL')
    expect(await count('SELECT count(*) FROM document_recipients')).toBe(2)
  })

  it('stops cleanly on SIGTERM', async () => {
    await server.stop()
    expect(server.child.exitCode).toBe(0)
  })
})
