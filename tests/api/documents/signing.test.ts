import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeSignerKey, pdfsig } from '../../helpers/documents-fixtures.ts'
import { type Key, type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

describe('PAdES signing with two roles (NĐ 30/2020)', () => {
  let app: Scenario, approver: Official, clerk: Official, viewer: Official, approverKey: Key, clerkKey: Key

  /** `POST /v1/signing/sessions` as the official: the PDF to sign in the given role */
  const openSession = async (official: Official, pdf: Uint8Array, role: string) =>
    app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: app.auth(official),
      body: app.form(pdf, { role }),
    })

  beforeAll(async () => {
    app = await startScenario({ agencies: [['000.00.01.H56', 'Sở Tư pháp tỉnh Hà Nam']] })
    approver = await app.official('000.00.01.H56', 'approver', 'Nguyễn Văn Lãnh')
    clerk = await app.official('000.00.01.H56', 'clerk', 'Trần Thị Văn Thư')
    viewer = await app.official('000.00.01.H56', 'viewer')
    approverKey = await app.enrol(approver)
    clerkKey = await app.enrol(clerk)
  })
  afterAll(() => app.close())

  it('issues a certificate naming the official and agency, chained to the deployment CA', async () => {
    const key = await makeSignerKey()
    const res = await app.request('/v1/certificates', {
      method: 'POST',
      headers: { ...app.auth(approver), 'Content-Type': 'application/json' },
      body: JSON.stringify({ csr: key.csrPem }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      serial: string
      certificate: string
      chain: string[]
      notAfter: string
    }
    const { X509Certificate } = await import('node:crypto')
    const cert = new X509Certificate(body.certificate)
    const ca = new X509Certificate(body.chain[0] ?? '')
    expect(cert.subject).toContain('CN=Nguyễn Văn Lãnh')
    expect(cert.subject).toContain('OU=000.00.01.H56')
    expect(cert.subject).toContain('O=Sở Tư pháp tỉnh Hà Nam')
    expect(cert.verify(ca.publicKey)).toBe(true)
    expect(cert.serialNumber.toUpperCase()).toBe(body.serial)
    expect(Date.parse(body.notAfter)).toBeGreaterThan(Date.now())
  })

  it('rejects a CSR whose own signature does not verify', async () => {
    const key = await makeSignerKey()
    const pem = key.csrPem.split('\n')
    // flip one base64 character inside the signature (near the end of the body)
    const line = pem.length - 3
    const s = pem[line] ?? ''
    pem[line] = `${s.slice(0, 5)}${s[5] === 'A' ? 'B' : 'A'}${s.slice(6)}`
    const res = await app.request('/v1/certificates', {
      method: 'POST',
      headers: { ...app.auth(approver), 'Content-Type': 'application/json' },
      body: JSON.stringify({ csr: pem.join('\n') }),
    })
    expect([400, 422]).toContain(res.status)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/csr/)
  })

  it('signs approver then organisation; pdfsig says both signatures are valid', async () => {
    const pdf = await app.pdf({ pages: 2 })
    const once = await app.sign(approver, approverKey, pdf, 'approver')
    const twice = await app.sign(clerk, clerkKey, once, 'organisation')
    expect(twice.subarray(0, pdf.length).equals(pdf)).toBe(true)
    const text = await pdfsig(twice, app.t.dir)
    expect(text.match(/Signature is Valid/g)?.length).toBe(2)
    expect(text).toContain('Nguyễn Văn Lãnh')
    expect(text).toContain('Trần Thị Văn Thư')
    expect(text).toMatch(/Signature #2:[\s\S]*Total document signed/)
  })

  it('also signs PDFs saved without object streams (classic xref tables)', async () => {
    const pdf = await app.pdf({ objectStreams: false })
    const signed = await app.sign(approver, approverKey, pdf, 'approver')
    expect(await pdfsig(signed, app.t.dir)).toContain('Signature is Valid')
  })

  it('rejects the organisation signature before an approver has signed', async () => {
    const res = await openSession(clerk, await app.pdf(), 'organisation')
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /lãnh đạo|thẩm quyền/,
    )
  })

  it('rejects an approver signature after the organisation has signed', async () => {
    const once = await app.sign(approver, approverKey, await app.pdf(), 'approver')
    const twice = await app.sign(clerk, clerkKey, once, 'organisation')
    const res = await openSession(approver, twice, 'approver')
    expect(res.status).toBe(409)
  })

  it.each([
    ['clerk', 'approver'],
    ['approver', 'organisation'],
    ['viewer', 'approver'],
    ['viewer', 'organisation'],
  ] as const)('forbids a %s from signing as %s', async (who, role) => {
    const official = { clerk, approver, viewer }[who]
    const res = await openSession(official, await app.pdf(), role)
    expect(res.status).toBe(403)
  })

  it('rejects a signature made by another key than the certified one', async () => {
    const res = await openSession(approver, await app.pdf(), 'approver')
    const session = (await res.json()) as { sessionId: string; toBeSigned: string; algorithm: string }
    expect(session.algorithm).toBe('ECDSA-P256-SHA256')
    const other = await makeSignerKey()
    const sig = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      other.keys.privateKey,
      Buffer.from(session.toBeSigned, 'base64'),
    )
    const done = await app.request(`/v1/signing/sessions/${session.sessionId}/complete`, {
      method: 'POST',
      headers: { ...app.auth(approver), 'Content-Type': 'application/json' },
      body: JSON.stringify({ signature: Buffer.from(sig).toString('base64') }),
    })
    expect(done.status).toBe(422)
  })

  it("hides one official's signing session from another (404)", async () => {
    const res = await openSession(approver, await app.pdf(), 'approver')
    const { sessionId } = (await res.json()) as { sessionId: string }
    const peek = await app.request(`/v1/signing/sessions/${sessionId}`, { headers: app.auth(clerk) })
    expect(peek.status).toBe(404)
  })

  it('records who signed in which role in the verification shown with the document', async () => {
    await app.agency('000.00.02.H56', 'Sở Nội vụ tỉnh Hà Nam')
    const once = await app.sign(approver, approverKey, await app.pdf({ text: 'Cong van' }), 'approver')
    const twice = await app.sign(clerk, clerkKey, once, 'organisation')
    const form = app.form(twice, {
      header: JSON.stringify({
        to: ['000.00.02.H56'],
        notation: '45/UBND-VP',
        place: 'Phủ Lý',
        promulgatedAt: '2026-11-21',
        type: 'Công văn',
        subject: 'Về việc góp ý dự thảo',
      }),
    })
    const res = await app.request('/v1/documents', { method: 'POST', headers: app.auth(clerk), body: form })
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      signatureStatus: string
      verification: {
        rolesComplete: boolean
        signatures: {
          role: string
          signerName: string
          certificateSerial: string
          integrity: boolean
          chainValid: boolean
          validAtSigningTime: boolean
          signedAt: string
        }[]
      }
    }
    expect(body.signatureStatus).toBe('signed_valid')
    expect(body.verification.rolesComplete).toBe(true)
    expect(body.verification.signatures.map((s) => [s.role, s.signerName, s.certificateSerial])).toEqual([
      ['approver', 'Nguyễn Văn Lãnh', approverKey.serial],
      ['organisation', 'Trần Thị Văn Thư', clerkKey.serial],
    ])
    for (const s of body.verification.signatures) {
      expect([s.integrity, s.chainValid, s.validAtSigningTime]).toEqual([true, true, true])
      expect(Date.parse(s.signedAt)).toBeLessThanOrEqual(Date.now())
    }
    const audit = await app.t.db.$client.execute(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'document.sign'",
    )
    expect(Number(audit.rows[0]?.['n'])).toBeGreaterThanOrEqual(2)
  })
})
