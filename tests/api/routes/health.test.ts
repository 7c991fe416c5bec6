import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAgency } from '../../../api/documents/create-agency.ts'
import { createOfficial } from '../../../api/documents/create-official.ts'
import { ensureCertificateAuthority } from '../../../api/documents/init-certificate-authority.ts'
import { createHealthRoutes } from '../../../api/routes/health.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'

const ADMIN_TOKEN = 'health-admin-token-0123456789'

type Health = {
  status: string
  procedures: number
  reason?: string
  checks: Record<
    'database' | 'certificateAuthority' | 'knowledgeBase',
    { ok: boolean; reason?: string; writable?: boolean }
  >
}

describe('/healthz reports each dependency', () => {
  let t: TestApp
  afterEach(() => t?.close())

  const health = async () => {
    const res = await createHealthRoutes(t.deps, { cacheMs: 0 }).request('/healthz')
    return { status: res.status, body: (await res.json()) as Health }
  }

  it('is 200 with every check ok on a healthy deployment, keeping status and procedures', async () => {
    t = await createTestApp()
    const { status, body } = await health()
    expect(status).toBe(200)
    expect(body).toMatchObject({
      status: 'ok',
      checks: {
        database: { ok: true, writable: true },
        certificateAuthority: { ok: true },
        knowledgeBase: { ok: true },
      },
    })
    expect(body.procedures).toBeGreaterThan(60)
  })

  it('goes 503 for a corrupt CA key, and documents calls answer 503 instead of 400', async () => {
    // a CA whose key file was damaged before the server started
    const dir = mkdtempSync(join(tmpdir(), 'trolyso-ca-'))
    await ensureCertificateAuthority(dir)
    writeFileSync(join(dir, 'ca-key.pem'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')
    t = await createTestApp({ CA_DIR: dir })
    const { status, body } = await health()
    expect(status).toBe(503)
    expect(body.status).toBe('unavailable')
    expect(body.checks.certificateAuthority.ok).toBe(false)
    expect(body.reason).toContain('CA')
    expect(body.checks.database.ok).toBe(true)

    await createAgency({ db: t.deps.db, code: '000.00.01.H56', name: 'UBND', actor: 'test' })
    const { token } = await createOfficial({
      db: t.deps.db,
      agencyCode: '000.00.01.H56',
      name: 'A',
      role: 'clerk',
      actor: 'test',
    })
    const res = await t.app.request('/v1/documents', { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('60')
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE')
  })

  it('answers 507 with a clear message when the disk is full, goes 503 meanwhile and recovers', async () => {
    t = await createTestApp({ ADMIN_TOKEN })
    const client = t.deps.db.$client
    // SQLite's page limit stands in for a full disk: nothing that needs a new page can be written
    const fill = async () => {
      const pages = (await client.execute('PRAGMA page_count')).rows[0]?.[0]
      await client.execute(`PRAGMA max_page_count = ${Number(pages)}`)
    }
    const code = t.deps.kb.search('cấp hộ chiếu', { limit: 1 })[0]?.code as string
    await fill()
    const res = await t.app.request(`/v1/admin/procedures/${code}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        changes: { requirements: 'Yêu cầu thử nghiệm. '.repeat(2000) },
        reason: 'Thử đĩa đầy',
      }),
    })
    expect(res.status).toBe(507)
    const error = ((await res.json()) as { error: { code: string; message: string } }).error
    expect(error.code).toBe('INSUFFICIENT_STORAGE')
    expect(error.message).toMatch(/hết chỗ lưu trữ/)

    await fill()
    const full = await health()
    expect(full.status).toBe(503)
    expect(full.body.checks.database).toMatchObject({ ok: false, writable: false })
    expect(full.body.checks.database.reason).toContain('SQLITE_FULL')

    await client.execute('PRAGMA max_page_count = 1073741823')
    expect((await health()).status).toBe(200)
  })
})
