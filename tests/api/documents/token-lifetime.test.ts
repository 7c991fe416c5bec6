import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOfficial } from '../../../api/documents/create-official.ts'
import { revokeOfficialTokens } from '../../../api/documents/revoke-official-tokens.ts'
import { type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const HOME = '000.00.01.H56'
const DAY = 86_400_000

describe('API tokens expire and can be revoked', () => {
  let app: Scenario

  beforeAll(async () => {
    app = await startScenario({
      env: { OFFICIAL_TOKEN_TTL_DAYS: '30' },
      agencies: [[HOME, 'UBND tỉnh Hà Nam']],
    })
  })
  afterAll(() => app.close())

  const me = (token: string) => app.request('/v1/me', { headers: app.auth(token) })
  const message = async (res: Response) =>
    ((await res.json()) as { error: { message: string } }).error.message

  it('issues tokens that expire after OFFICIAL_TOKEN_TTL_DAYS, then answers 401 saying so', async () => {
    const admin = await app.official(HOME, 'agency_admin')
    const res = await app.request('/v1/officials', {
      method: 'POST',
      headers: { ...app.auth(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Trần Thị Văn Thư', role: 'clerk' }),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { token: string; tokenPrefix: string; expiresAt: string }
    expect(created.token.startsWith(created.tokenPrefix)).toBe(true)
    expect(created.tokenPrefix).toHaveLength(12)
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(29.9 * DAY)
    expect(Date.parse(created.expiresAt) - Date.now()).toBeLessThan(30.1 * DAY)
    expect((await me(created.token)).status).toBe(200)

    const old = await createOfficial({
      db: app.t.db,
      agencyCode: HOME,
      name: 'Cán bộ cũ',
      role: 'clerk',
      actor: 'test',
      ttlDays: 365,
      now: new Date(Date.now() - 366 * DAY),
    })
    const expired = await me(old.token)
    expect(expired.status).toBe(401)
    expect(await message(expired)).toMatch(/hết hạn/)
  })

  it('revokes by official through the API: the next request gets 401 and the revocation is audited', async () => {
    const admin = await app.official(HOME, 'agency_admin')
    const clerk = await app.official(HOME, 'clerk')
    expect((await me(clerk.token)).status).toBe(200)
    const res = await app.request(`/v1/officials/${clerk.id}/revoke`, {
      method: 'POST',
      headers: app.auth(admin),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ revoked: 1, official: { id: clerk.id } })
    const after = await me(clerk.token)
    expect(after.status).toBe(401)
    expect(await message(after)).toMatch(/thu hồi/)
    const audit = await app.t.db.$client.execute({
      sql: "SELECT actor, detail FROM audit_log WHERE action = 'official.revoke_tokens' AND entity_id = ?",
      args: [clerk.id],
    })
    expect(audit.rows[0]?.['actor']).toBe(`official:${admin.id}`)
    // an unknown official is a 404, not a silent success
    const missing = await app.request('/v1/officials/nope/revoke', {
      method: 'POST',
      headers: app.auth(admin),
    })
    expect(missing.status).toBe(404)
  })

  it('revokes one token by its printed prefix, or by the whole token, and refuses a short prefix', async () => {
    const a = await createOfficial({
      db: app.t.db,
      agencyCode: HOME,
      name: 'A',
      role: 'viewer',
      actor: 'test',
    })
    const b = await createOfficial({
      db: app.t.db,
      agencyCode: HOME,
      name: 'B',
      role: 'viewer',
      actor: 'test',
    })
    const byPrefix = await revokeOfficialTokens({ db: app.t.db, tokenPrefix: a.tokenPrefix, actor: 'test' })
    expect(byPrefix).toMatchObject({ revoked: 1, official: { id: a.official.id } })
    expect((await me(a.token)).status).toBe(401)
    expect((await me(b.token)).status).toBe(200)
    await revokeOfficialTokens({ db: app.t.db, tokenPrefix: b.token, actor: 'test' })
    expect((await me(b.token)).status).toBe(401)
    await expect(revokeOfficialTokens({ db: app.t.db, tokenPrefix: 'tls_', actor: 'test' })).rejects.toThrow(
      /ít nhất 12/,
    )
  })
})
