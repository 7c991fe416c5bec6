import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeSignerKey } from '../../helpers/documents-fixtures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const AGENCY = '000.00.01.H56'

describe('personal certificates carry a per-person serialNumber', () => {
  let app: Scenario
  let admin: Official

  beforeAll(async () => {
    app = await startScenario({ agencies: [[AGENCY, 'UBND tỉnh Hà Nam']] })
    admin = await app.official(AGENCY, 'agency_admin', 'Quản trị')
  })
  afterAll(() => app.close())

  const addOfficial = (body: Record<string, unknown>) =>
    app.request('/v1/officials', {
      method: 'POST',
      headers: { ...app.auth(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  const enrol = async (token: string, name: string) => {
    const key = await makeSignerKey(name)
    const res = await app.request('/v1/certificates', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ csr: key.csrPem }),
    })
    expect(res.status).toBe(201)
    return new X509Certificate(((await res.json()) as { certificate: string }).certificate)
  }

  const serialNumberOf = (cert: X509Certificate) => /^serialNumber=(.*)$/m.exec(cert.subject)?.[1]

  it('is "CCCD:" and the 12 digits when the record has them, else the official id; never the agency code', async () => {
    const withId = await addOfficial({ name: 'Nguyễn Thị Lan', role: 'approver', nationalId: '001085012345' })
    expect(withId.status).toBe(201)
    const lan = (await withId.json()) as { official: { id: string }; token: string }
    const withoutId = await addOfficial({ name: 'Trần Văn Bình', role: 'approver' })
    const binh = (await withoutId.json()) as { official: { id: string }; token: string }

    const lanCert = await enrol(lan.token, 'Nguyễn Thị Lan')
    const binhCert = await enrol(binh.token, 'Trần Văn Bình')
    expect(serialNumberOf(lanCert)).toBe('CCCD:001085012345')
    expect(serialNumberOf(binhCert)).toBe(binh.official.id)
    // two people of one agency are told apart by the certificate alone
    expect(serialNumberOf(lanCert)).not.toBe(serialNumberOf(binhCert))
    expect(lanCert.subject).toContain(`OU=${AGENCY}`)
    expect(lanCert.subject).toContain('CN=Nguyễn Thị Lan')
  })

  it('refuses a CCCD that is not 12 digits', async () => {
    const res = await addOfficial({ name: 'Lê Văn C', role: 'clerk', nationalId: '12345' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('12 chữ số')
  })
})
