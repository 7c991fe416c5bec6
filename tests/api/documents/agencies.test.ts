import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateAgencyCode } from '../../../api/documents/validate-agency-code.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { readCases } from '../../helpers/read-cases.ts'

it.each(readCases('agency-codes'))('accepts the QCVN 102:2016 code %j', (raw, code) => {
  expect(validateAgencyCode(raw)).toBe(code)
})

it.each(['H56', '000.00.01', '000.00.01.H5', '00.00.01.H56', '000-00-01-H56', ''])(
  'rejects %j with the expected shape',
  (raw) => {
    expect(() => validateAgencyCode(raw)).toThrow(/QCVN 102:2016.*000\.00\.01\.H56/)
  },
)

describe('agencies', () => {
  let app: Scenario, admin: Official, clerk: Official

  beforeAll(async () => {
    app = await startScenario({ agencies: [['000.00.00.H56', 'UBND tỉnh Hà Nam']] })
    admin = await app.official('000.00.00.H56', 'system_admin')
    clerk = await app.official('000.00.00.H56', 'clerk')
  })
  afterAll(() => app.close())

  const create = (body: unknown) =>
    app.request('/v1/agencies', {
      method: 'POST',
      headers: { ...app.auth(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('creates an agency under its parent and finds it by folded name', async () => {
    const res = await create({
      code: '000.00.05.h56',
      name: 'Sở Tài nguyên và Môi trường',
      parentCode: '000.00.00.H56',
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({
      code: '000.00.05.H56',
      name: 'Sở Tài nguyên và Môi trường',
      parentCode: '000.00.00.H56',
    })
    const found = (await (
      await app.request('/v1/agencies?q=tai nguyen moi truong', { headers: app.auth(clerk) })
    ).json()) as {
      results: { code: string }[]
    }
    expect(found.results.map((r) => r.code)).toEqual(['000.00.05.H56'])
  })

  it.each([
    [{ code: 'SO-TP', name: 'Sở Tư pháp' }, 400, /code.*QCVN 102/],
    [{ code: '000.00.06.H56', name: 'Sở Xây dựng', parentCode: '000.00.99.H56' }, 422, /parentCode/],
    [{ code: '000.00.00.H56', name: 'Trùng mã' }, 409, /đã được đăng ký/],
    [{ code: '000.00.07.H56' }, 400, /name/],
  ])('refuses %j with %i', async (body, status, message) => {
    const res = await create(body)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
  })

  it('lets an agency admin add officials to their own agency only', async () => {
    const agencyAdmin = await app.official('000.00.00.H56', 'agency_admin')
    const post = (body: unknown) =>
      app.request('/v1/officials', {
        method: 'POST',
        headers: { ...app.auth(agencyAdmin), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const ok = await post({ name: 'Đỗ Văn Mới', role: 'viewer' })
    expect(ok.status).toBe(201)
    const { token } = (await ok.json()) as { token: string }
    expect((await app.request('/v1/me', { headers: app.auth(token) })).status).toBe(200)
    expect((await post({ name: 'X', role: 'viewer', agencyCode: '000.00.05.H56' })).status).toBe(403)
    expect((await post({ name: 'X', role: 'boss' })).status).toBe(400)
  })
})
