import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CertificateAuthority } from '../../../api/documents/init-certificate-authority.ts'
import { makeSignerKey } from '../../helpers/documents-fixtures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { signLocally } from '../../helpers/documents-signer.ts'
import { run } from '../../helpers/openssl-tsa.ts'

const SENDER = '000.00.01.H56'
const TO = '000.00.02.H56'
const PUBLIC_URL = 'https://trolyso.sotp.gov.vn'

type Check = { revocation: string | null; revokedAt: string | null; problems: string[] }

/** openssl's output, whether it exits 0 or not. */
const openssl = (args: string[]) =>
  run('openssl', args).then(
    ({ stdout, stderr }) => `${stdout}${stderr}`,
    (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
  )

describe('revoking an official revokes their certificates, on a CRL the CA publishes', () => {
  let dir: string, app: Scenario, admin: Official

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-crl-'))
    app = await startScenario({
      env: { PUBLIC_URL },
      agencies: [
        [SENDER, 'UBND tỉnh Hà Nam'],
        [TO, 'Sở Tư pháp tỉnh Hà Nam', SENDER],
      ],
    })
    admin = await app.official(SENDER, 'agency_admin', 'Quản trị')
  })
  afterAll(() => {
    app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const fetchCrl = async (name: string) => {
    const res = await app.request('/v1/ca/crl')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pkix-crl')
    const file = join(dir, name)
    writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    return file
  }

  it('names the CRL in certificates, lists a revoked official’s certificate (openssl agrees), and tells revoked-later from revoked-before', async () => {
    const approver = await app.official(SENDER, 'approver', 'Phó Chủ tịch')
    const clerk = await app.official(SENDER, 'clerk', 'Văn thư')
    const key = await makeSignerKey(approver.name)
    const enrolled = await app.request('/v1/certificates', {
      method: 'POST',
      headers: { ...app.auth(approver), 'Content-Type': 'application/json' },
      body: JSON.stringify({ csr: key.csrPem }),
    })
    const issued = (await enrolled.json()) as { serial: string; certificate: string; chain: string[] }
    const certFile = join(dir, 'approver.pem')
    const caFile = join(dir, 'ca.pem')
    writeFileSync(certFile, issued.certificate)
    writeFileSync(caFile, issued.chain[0] as string)
    expect(await openssl(['x509', '-in', certFile, '-noout', '-ext', 'crlDistributionPoints'])).toContain(
      `URI:${PUBLIC_URL}/v1/ca/crl`,
    )

    // an empty, valid CRL before any revocation
    const empty = await fetchCrl('empty.crl')
    expect(await openssl(['crl', '-inform', 'DER', '-in', empty, '-CAfile', caFile, '-noout'])).toContain(
      'verify OK',
    )
    expect(await openssl(['crl', '-inform', 'DER', '-in', empty, '-noout', '-text'])).toContain(
      'No Revoked Certificates',
    )
    const emptyPem = join(dir, 'empty.pem')
    await run('openssl', ['crl', '-inform', 'DER', '-in', empty, '-out', emptyPem])
    expect(
      await openssl(['verify', '-crl_check', '-CAfile', caFile, '-CRLfile', emptyPem, certFile]),
    ).toContain(': OK')

    // the approver signs, then leaves: the agency admin revokes them
    const signedBefore = await app.sign(
      approver,
      { privateKey: key.keys.privateKey, serial: issued.serial },
      await app.pdf(),
      'approver',
    )
    await new Promise((r) => setTimeout(r, 1100))
    const revoke = await app.request(`/v1/officials/${approver.id}/revoke`, {
      method: 'POST',
      headers: app.auth(admin),
    })
    expect(revoke.status).toBe(200)
    const revoked = (await revoke.json()) as { revokedCertificates: string[]; revokedAt: string }
    expect(revoked.revokedCertificates).toEqual([issued.serial])

    const listed = await fetchCrl('listed.crl')
    expect(await openssl(['crl', '-inform', 'DER', '-in', listed, '-CAfile', caFile, '-noout'])).toContain(
      'verify OK',
    )
    expect(await openssl(['crl', '-inform', 'DER', '-in', listed, '-noout', '-text'])).toContain(
      `Serial Number: ${issued.serial.toUpperCase().replace(/^(00)+/, '')}`,
    )
    const listedPem = join(dir, 'listed.pem')
    await run('openssl', ['crl', '-inform', 'DER', '-in', listed, '-out', listedPem])
    expect(
      await openssl(['verify', '-crl_check', '-CAfile', caFile, '-CRLfile', listedPem, certFile]),
    ).toContain('certificate revoked')

    // signed before the revocation: still valid, reported as revoked later
    const clerkKey = await app.enrol(clerk)
    const complete = await app.sign(clerk, clerkKey, signedBefore, 'organisation')
    const ok = await app.submit(clerk, complete, app.header([TO]))
    expect(ok.status).toBe(201)
    const okBody = (await ok.json()) as { signatureStatus: string; verification: { signatures: Check[] } }
    expect(okBody.signatureStatus).toBe('signed_valid')
    expect(okBody.verification.signatures[0]).toMatchObject({
      revocation: 'after_signing',
      revokedAt: revoked.revokedAt,
    })
    expect(okBody.verification.signatures[1]?.revocation).toBeNull()

    // the revoked key still signs something afterwards, claiming the very second of the
    // revocation (/M has whole seconds): the order cannot be known, so it counts as revoked
    const ca = {
      certificate: pkijs.Certificate.fromBER(
        Buffer.from(issued.chain[0]?.replace(/-----[^-]+-----|\s/g, '') ?? '', 'base64'),
      ),
    }
    const der = Buffer.from(issued.certificate.replace(/-----[^-]+-----|\s/g, ''), 'base64')
    const forged = await signLocally(
      await app.pdf({ text: 'Quyết định khác' }),
      {
        token: approver.token,
        name: approver.name,
        privateKey: key.keys.privateKey,
        cert: pkijs.Certificate.fromBER(der),
        der,
      },
      'approver',
      ca as CertificateAuthority,
      new Date(Math.floor(Date.parse(revoked.revokedAt) / 1000) * 1000),
    )
    const late = await app.sign(clerk, clerkKey, forged, 'organisation').catch((e: Error) => e)
    // the clerk's own preparation already refuses a file whose signature is no longer valid
    expect(late).toBeInstanceOf(Error)
    expect(String(late)).toContain('422')
    const refused = await app.submit(clerk, forged, app.header([TO]))
    expect(refused.status).toBe(422)
    const refusedBody = (await refused.json()) as {
      error: { message: string; details: { signatures: Check[] } }
    }
    expect(refusedBody.error.details.signatures[0]?.revocation).toBe('before_signing')
    expect(refusedBody.error.message).toContain('thu hồi')
  })
})
