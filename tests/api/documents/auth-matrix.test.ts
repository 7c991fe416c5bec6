import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EDXML_NS, toEdxmlTimestamp } from '../../../api/documents/edxml-format.ts'
import { makeSignerKey } from '../../helpers/documents-fixtures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const HOME = '000.00.01.H56'
const OTHER = '000.00.02.H56'
const ROLES = ['clerk', 'approver', 'agency_admin', 'viewer', 'system_admin'] as const

type Case = {
  name: string
  method: string
  path: () => string
  body?: () => Promise<BodyInit>
  json?: boolean
  /** a Content-Type for a body that is not JSON */
  type?: string
  allowed: readonly string[]
  otherAgency?: number
}

describe('who may call what', () => {
  let app: Scenario
  const home: Record<string, Official> = {}
  let outsider: Official
  let docId = ''

  beforeAll(async () => {
    app = await startScenario({
      agencies: { [HOME]: 'UBND tỉnh Hà Nam', [OTHER]: 'UBND tỉnh Nam Định' },
    })
    for (const role of ROLES) home[role] = await app.official(HOME, role)
    outsider = await app.official(OTHER, 'clerk')
    const res = await app.submit(
      home['clerk']!,
      await app.pdf({ text: 'auth' }),
      app.header([HOME], { allowUnsigned: true }),
    )
    docId = ((await res.json()) as { id: string }).id
    await app.enrol(home['approver']!)
  })
  afterAll(() => app.close())

  const csr = async () => JSON.stringify({ csr: (await makeSignerKey()).csrPem })
  const cases: Case[] = [
    { name: 'GET /v1/me', method: 'GET', path: () => '/v1/me', allowed: ROLES },
    { name: 'GET /v1/agencies', method: 'GET', path: () => '/v1/agencies?q=ha nam', allowed: ROLES },
    {
      name: 'POST /v1/agencies',
      method: 'POST',
      path: () => '/v1/agencies',
      json: true,
      body: async () =>
        JSON.stringify({ code: `000.00.${String(Math.floor(Math.random() * 90) + 10)}.G01`, name: 'Bộ X' }),
      allowed: ['system_admin'],
    },
    {
      name: 'POST /v1/officials',
      method: 'POST',
      path: () => '/v1/officials',
      json: true,
      body: async () => JSON.stringify({ name: 'Mới', role: 'viewer' }),
      allowed: ['agency_admin', 'system_admin'],
    },
    {
      name: 'POST /v1/certificates',
      method: 'POST',
      path: () => '/v1/certificates',
      json: true,
      body: csr,
      allowed: ['clerk', 'approver'],
    },
    {
      name: 'POST /v1/certificates/organisation',
      method: 'POST',
      path: () => '/v1/certificates/organisation',
      json: true,
      body: async () =>
        JSON.stringify({ csr: (await makeSignerKey()).csrPem, officialId: home['clerk']?.id ?? '' }),
      allowed: ['agency_admin'],
    },
    {
      name: 'POST /v1/documents',
      method: 'POST',
      path: () => '/v1/documents',
      body: async () =>
        app.form(await app.pdf({ text: String(Math.random()) }), {
          header: app.header([OTHER], { allowUnsigned: true }),
        }),
      allowed: ['clerk'],
    },
    { name: 'GET /v1/documents', method: 'GET', path: () => '/v1/documents?box=inbox', allowed: ROLES },
    {
      name: 'GET /v1/documents/:id',
      method: 'GET',
      path: () => `/v1/documents/${docId}`,
      allowed: ROLES,
      otherAgency: 404,
    },
    {
      name: 'GET /v1/documents/:id/pdf',
      method: 'GET',
      path: () => `/v1/documents/${docId}/pdf`,
      allowed: ROLES,
      otherAgency: 404,
    },
    {
      name: 'GET /v1/documents/:id/edxml',
      method: 'GET',
      path: () => `/v1/documents/${docId}/edxml`,
      allowed: ROLES,
      otherAgency: 404,
    },
    {
      name: 'GET /v1/documents/:id/edxml/status',
      method: 'GET',
      path: () => `/v1/documents/${docId}/edxml/status`,
      allowed: ROLES,
      otherAgency: 404,
    },
    {
      name: 'POST /v1/documents/edxml/status',
      method: 'POST',
      path: () => '/v1/documents/edxml/status',
      type: 'application/xml',
      body: async () =>
        `<edXML xmlns="${EDXML_NS}"><edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}"><edXML:edXMLHeader><edXML:MessageHeader>` +
        `<edXML:ResponseFor><edXML:OrganId>${HOME}</edXML:OrganId><edXML:DocumentId>${HOME},2026/11/20,123/QĐ-UBND</edXML:DocumentId></edXML:ResponseFor>` +
        `<edXML:From><edXML:OrganId>${HOME}</edXML:OrganId></edXML:From><edXML:StatusCode>01</edXML:StatusCode>` +
        `<edXML:Timestamp>${toEdxmlTimestamp(new Date())}</edXML:Timestamp></edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>`,
      allowed: ['clerk'],
    },
    {
      name: 'POST /v1/documents/:id/status',
      method: 'POST',
      path: () => `/v1/documents/${docId}/status`,
      json: true,
      body: async () => JSON.stringify({ status: '03' }),
      allowed: ['clerk'],
      otherAgency: 404,
    },
    {
      name: 'POST /v1/nudges',
      method: 'POST',
      path: () => '/v1/nudges',
      json: true,
      body: async () => JSON.stringify({ kind: 'print', action: 'shown' }),
      allowed: ROLES,
    },
    {
      name: 'POST /v1/signing/sessions (approver role)',
      method: 'POST',
      path: () => '/v1/signing/sessions',
      body: async () => app.form(await app.pdf(), { role: 'approver' }),
      allowed: ['approver'],
    },
    {
      name: 'GET /v1/signing/sessions/:id',
      method: 'GET',
      path: () => '/v1/signing/sessions/nope',
      allowed: [],
      otherAgency: 404,
    },
  ]

  const call = async (c: Case, token?: string) => {
    const headers: Record<string, string> = token ? app.auth(token) : {}
    if (c.json) headers['Content-Type'] = 'application/json'
    if (c.type) headers['Content-Type'] = c.type
    return app.request(c.path(), { method: c.method, headers, ...(c.body ? { body: await c.body() } : {}) })
  }

  it.each(cases)('$name answers 401 without a token and with a wrong one', async (c) => {
    expect((await call(c)).status).toBe(401)
    expect((await call(c, 'tls_wrong-token')).status).toBe(401)
  })

  it.each(cases.filter((c) => c.otherAgency))("$name hides another agency's document (404)", async (c) => {
    expect((await call(c, outsider.token)).status).toBe(c.otherAgency)
  })

  it.each(cases.flatMap((c) => ROLES.map((role) => ({ ...c, role }))))('$name as $role', async (c) => {
    const res = await call(c, home[c.role]!.token)
    if (c.allowed.includes(c.role)) expect(res.status, await res.clone().text()).toBeLessThan(400)
    else expect([403, 404]).toContain(res.status)
    if (!c.allowed.includes(c.role) && c.allowed.length > 0) expect(res.status).toBe(403)
  })

  it('keeps the public statistics and transparency page open', async () => {
    expect((await app.request('/v1/stats/paperless')).status).toBe(200)
    expect((await app.request('/minh-bach')).status).toBe(200)
  })
})
