import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initCertificateAuthority } from '../../../api/documents/init-certificate-authority.ts'
import { nameValue, OID } from '../../../api/documents/pki-encoding.ts'
import type { Verification } from '../../../api/documents/verify-pdf-signatures.ts'
import { pdfsig } from '../../helpers/documents-fixtures.ts'
import { startFakeRemoteSigningServer } from '../../helpers/documents-remote-signing-server.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import {
  createFakeRemoteSigningProvider,
  type FakeRemoteSigningProvider,
} from '../../helpers/fake-remote-signing-provider.ts'

const HOME = '000.00.01.H56'

/** The documents app with its agencies and a fake remote-signing provider of that key type. */
const startWithProvider = async (keyType: 'ecdsa' | 'rsa', agencies: [string, string][]) => {
  let provider: FakeRemoteSigningProvider | undefined
  const app = await startScenario({
    documents: {
      remoteSigning: (ca) => {
        provider = createFakeRemoteSigningProvider({ ca, keyType })
        return provider
      },
    },
    agencies,
  })
  /** the provider, made when the app first needs it */
  const providerNow = () => {
    if (!provider) throw new Error('the remote-signing provider was not created yet')
    return provider
  }
  return { app, provider: providerNow }
}

/** Prepares a signing session as the official, then asks for the signature on the phone. */
const startRemote = async (app: Scenario, who: Official, pdf: Uint8Array, role: string) => {
  const prepared = await app.request('/v1/signing/sessions', {
    method: 'POST',
    headers: app.auth(who),
    body: app.form(pdf, { role }),
  })
  const { sessionId } = (await prepared.clone().json()) as { sessionId: string }
  const remote = await app.request(`/v1/signing/sessions/${sessionId}/remote`, {
    method: 'POST',
    headers: { ...app.auth(who), 'Content-Type': 'application/json' },
    body: '{}',
  })
  return { prepared, sessionId, remote }
}

describe('remote signing (confirm on the phone)', () => {
  let app: Scenario
  let provider: () => FakeRemoteSigningProvider
  let approver: Official
  let clerk: Official

  beforeAll(async () => {
    ;({ app, provider } = await startWithProvider('ecdsa', [[HOME, 'UBND tỉnh Hà Nam']]))
    approver = await app.official('000.00.01.H56', 'approver', 'Phó Chủ tịch')
    clerk = await app.official('000.00.01.H56', 'clerk', 'Văn thư')
  })
  afterAll(() => app.close())

  const start = async (who: Official, pdf: Uint8Array, role: string) => {
    const { prepared, sessionId, remote } = await startRemote(app, who, pdf, role)
    expect(prepared.status).toBe(201)
    expect(remote.status).toBe(202)
    expect(await remote.json()).toEqual({ status: 'pending' })
    return sessionId
  }
  const status = async (who: Official, id: string) =>
    (
      (await (await app.request(`/v1/signing/sessions/${id}`, { headers: app.auth(who) })).json()) as {
        status: string
      }
    ).status

  it('stays pending until the official confirms, then serves a PDF pdfsig accepts', async () => {
    const id = await start(approver, await app.pdf(), 'approver')
    expect(await status(approver, id)).toBe('pending')
    expect(
      (await app.request(`/v1/signing/sessions/${id}/pdf`, { headers: app.auth(approver) })).status,
    ).toBe(409)
    provider().confirm(provider().transactions().at(-1)!)
    expect(await status(approver, id)).toBe('signed')
    const pdfRes = await app.request(`/v1/signing/sessions/${id}/pdf`, { headers: app.auth(approver) })
    expect(pdfRes.status).toBe(200)
    const once = Buffer.from(await pdfRes.arrayBuffer())
    expect(await pdfsig(once, app.t.dir)).toContain('Signature is Valid')

    const id2 = await start(clerk, once, 'organisation')
    provider().confirm(provider().transactions().at(-1)!)
    expect(await status(clerk, id2)).toBe('signed')
    const twice = Buffer.from(
      await (
        await app.request(`/v1/signing/sessions/${id2}/pdf`, { headers: app.auth(clerk) })
      ).arrayBuffer(),
    )
    expect((await pdfsig(twice, app.t.dir)).match(/Signature is Valid/g)?.length).toBe(2)
  })

  it('reports a refusal on the phone as rejected', async () => {
    const id = await start(approver, await app.pdf({ text: 'tu choi' }), 'approver')
    provider().reject(provider().transactions().at(-1)!)
    expect(await status(approver, id)).toBe('rejected')
    const late = await app.request(`/v1/signing/sessions/${id}/remote`, {
      method: 'POST',
      headers: { ...app.auth(approver), 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(late.status).toBe(409)
  })

  it('answers 503 for remote signing when no provider is configured', async () => {
    const plain = await startScenario()
    try {
      await plain.agency('000.00.01.H56', 'UBND')
      const a = await plain.official('000.00.01.H56', 'approver')
      const key = await plain.enrol(a)
      const res = await plain.request('/v1/signing/sessions', {
        method: 'POST',
        headers: app.auth(a),
        body: app.form(await app.pdf(), { role: 'approver', certificateSerial: key.serial }),
      })
      const { sessionId } = (await res.json()) as { sessionId: string }
      const remote = await plain.request(`/v1/signing/sessions/${sessionId}/remote`, {
        method: 'POST',
        headers: { ...app.auth(a), 'Content-Type': 'application/json' },
        body: '{}',
      })
      expect(remote.status).toBe(503)
    } finally {
      plain.close()
    }
  })
})

describe('remote signing through REMOTE_SIGNING_URL', () => {
  it('signs via an HTTP gateway whose CA is trusted through TRUST_ROOTS_FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trolyso-remote-'))
    const providerCa = await initCertificateAuthority({
      dir: join(dir, 'provider-ca'),
      name: 'Nhà cung cấp ký số (thử)',
    })
    writeFileSync(join(dir, 'roots.pem'), providerCa.pem)
    const gateway = await startFakeRemoteSigningServer({ ca: providerCa, token: 'gateway-secret' })
    const app = await startScenario({
      env: {
        REMOTE_SIGNING_URL: gateway.url,
        REMOTE_SIGNING_TOKEN: 'gateway-secret',
        TRUST_ROOTS_FILE: join(dir, 'roots.pem'),
      },
    })
    try {
      await app.agency('000.00.01.H56', 'UBND tỉnh Hà Nam')
      const approver = await app.official('000.00.01.H56', 'approver', 'Phó Chủ tịch')
      const { sessionId, remote: started } = await startRemote(app, approver, await app.pdf(), 'approver')
      expect(started.status).toBe(202)
      await gateway.confirmLatest()
      const state = (await (
        await app.request(`/v1/signing/sessions/${sessionId}`, { headers: app.auth(approver) })
      ).json()) as {
        status: string
      }
      expect(state.status, JSON.stringify(gateway.requests)).toBe('signed')
      const pdf = Buffer.from(
        await (
          await app.request(`/v1/signing/sessions/${sessionId}/pdf`, { headers: app.auth(approver) })
        ).arrayBuffer(),
      )
      expect(await pdfsig(pdf, app.t.dir)).toContain('Signature is Valid')
      expect(gateway.requests).toEqual(
        expect.arrayContaining([
          'POST /certificates',
          'POST /signatures',
          expect.stringMatching(/^GET \/signatures\//),
        ]),
      )
    } finally {
      app.close()
      await gateway.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('remote signing with RSA keys and an intermediate CA', () => {
  let app: Scenario
  let provider: () => FakeRemoteSigningProvider

  beforeAll(async () => {
    ;({ app, provider } = await startWithProvider('rsa', [
      [HOME, 'UBND tỉnh Hà Nam'],
      ['000.00.02.H56', 'Sở Tư pháp'],
    ]))
  })
  afterAll(() => app.close())

  const signRemotely = async (who: Official, pdf: Uint8Array, role: string) => {
    const { sessionId, remote } = await startRemote(app, who, pdf, role)
    expect(remote.status).toBe(202)
    provider().confirm(provider().transactions().at(-1)!)
    const state = await app.request(`/v1/signing/sessions/${sessionId}`, { headers: app.auth(who) })
    expect(((await state.json()) as { status: string }).status).toBe('signed')
    const pdfRes = await app.request(`/v1/signing/sessions/${sessionId}/pdf`, { headers: app.auth(who) })
    return Buffer.from(await pdfRes.arrayBuffer())
  }

  it('embeds the provider intermediate, and the server and pdfsig accept the RSA signatures', async () => {
    const approver = await app.official('000.00.01.H56', 'approver', 'Phó Chủ tịch')
    const clerk = await app.official('000.00.01.H56', 'clerk', 'Văn thư')
    const once = await signRemotely(approver, await app.pdf({ text: 'RSA' }), 'approver')
    const twice = await signRemotely(clerk, once, 'organisation')

    const poppler = await pdfsig(twice, app.t.dir)
    expect(poppler.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)

    const contents = [...twice.toString('latin1').matchAll(/\/Contents <([0-9A-F]+)>/g)].map(
      (m) => m[1] ?? '',
    )
    const cms = pkijs.ContentInfo.fromBER(Buffer.from(contents[0] ?? '', 'hex'))
    const signed = new pkijs.SignedData({ schema: cms.content })
    expect(signed.signerInfos[0]?.signatureAlgorithm.algorithmId).toBe(OID.sha256WithRsa)
    expect(signed.certificates?.length).toBe(3)
    const subjects = (signed.certificates ?? []).map((c) =>
      c instanceof pkijs.Certificate ? nameValue(c.subject, OID.commonName) : null,
    )
    expect(subjects).toEqual(['Phó Chủ tịch', expect.stringContaining('CA trung gian'), 'trolyso CA'])

    const res = await app.submit(clerk, twice, app.header(['000.00.02.H56']))
    const body = (await res.json()) as { signatureStatus: string; verification: Verification }
    expect(res.status, JSON.stringify(body)).toBe(201)
    expect(body.signatureStatus).toBe('signed_valid')
    expect(body.verification.rolesComplete).toBe(true)
    expect(
      body.verification.signatures.map((s) => [s.role, s.signerName, s.padesBaseline, s.chainValid]),
    ).toEqual([
      ['approver', 'Phó Chủ tịch', true, true],
      ['organisation', 'Văn thư', true, true],
    ])
  })
})
