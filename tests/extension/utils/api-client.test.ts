import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createApiClient } from '../../../extension/utils/api-client.ts'
import { base64ToBytes } from '../../../extension/utils/base64.ts'
import { buildCsr, verifyCsr } from '../../../extension/utils/csr.ts'
import { classifyPdf } from '../../../extension/utils/pdf-detect.ts'
import { generateSigningKeys, signBytes } from '../../../extension/utils/signing-key.ts'
import type { Official, Scenario } from '../../helpers/documents-scenario.ts'
import { inProcessClient, startSenderAndRecipient } from '../helpers/in-process-client.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'

// the real documents API, in process: the client's fetch goes to app.request
describe('the extension API client against the documents API', () => {
  let app: Scenario, leader: Official, clerk: Official, recipient: Official
  const clientFor = (official: Official | null) => inProcessClient(app, official?.token ?? null)

  beforeAll(async () => {
    ;({ app, leader, clerk, recipient } = await startSenderAndRecipient())
  })
  afterAll(() => app?.close())

  it('builds a CSR whose own signature verifies, with a non-extractable key', async () => {
    const keys = await generateSigningKeys()
    expect(keys.privateKey.extractable).toBe(false)
    const pem = await buildCsr({
      keys,
      subject: { commonName: 'Trần Thị Văn Thư', organisation: 'Sở Tư pháp' },
    })
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/)
    expect(await verifyCsr(pem)).toEqual({ valid: true, commonName: 'Trần Thị Văn Thư' })
  })

  const enrolAndSign = async (
    official: Official,
    pdf: Uint8Array<ArrayBuffer>,
    role: 'approver' | 'organisation',
  ) => {
    const api = clientFor(official)
    const me = await api.me()
    const keys = await generateSigningKeys()
    const csr = await buildCsr({
      keys,
      subject: { commonName: me.official.name, organisation: me.agency.name },
    })
    const cert = await api.issueCertificate(csr)
    const session = await api.createSigningSession({ pdf, role, certificateSerial: cert.serial })
    expect(session.algorithm).toBe('ECDSA-P256-SHA256')
    expect(session.toBeSigned).toEqual(expect.any(String))
    const signature = await signBytes(keys.privateKey, base64ToBytes(session.toBeSigned ?? ''))
    return api.completeSigningSession({
      sessionId: session.sessionId,
      signature,
      certificateSerial: cert.serial,
    })
  }

  it('enrols, signs toBeSigned with WebCrypto in both roles and routes a document that verifies as signed', async () => {
    const byLeader = await enrolAndSign(leader, await makeTextPdf(), 'approver')
    expect(await classifyPdf(byLeader)).toMatchObject({ signed: true, signatureCount: 1 })
    const signed = await enrolAndSign(clerk, byLeader, 'organisation')
    expect(await classifyPdf(signed)).toMatchObject({ signed: true, signatureCount: 2 })

    const api = clientFor(clerk)
    const [agency] = await api.searchAgencies('noi vu')
    expect(agency?.code).toBe('000.00.02.H56')
    const sent = await api.sendDocument({
      pdf: signed,
      fileName: '123_QĐ-STP.pdf',
      header: {
        to: ['000.00.02.H56'],
        notation: '123/QĐ-STP',
        place: 'Hà Nam',
        promulgatedAt: '2026-11-20',
        type: 'Quyết định',
        subject: 'Về việc thử nghiệm gửi văn bản',
      },
    })
    expect(sent.signatureStatus).toBe('signed_valid')
    expect(sent.recipients).toEqual([{ agencyCode: '000.00.02.H56', status: '01' }])
    const inbox = await clientFor(recipient).listDocuments('inbox')
    expect(inbox.map((d) => d.id)).toContain(sent.id)
  })

  it('records nudge counts that show up in the public paperless figures', async () => {
    const api = clientFor(clerk)
    await api.recordNudge('unsigned_attachment', 'shown')
    await api.recordNudge('unsigned_attachment', 'overridden')
    const today = new Date().toISOString().slice(0, 10)
    const stats = await clientFor(null).paperlessStats(today, today)
    const mine = stats.agencies.find((a) => a.agencyCode === '000.00.01.H56')
    expect(mine?.nudges).toMatchObject({ shown: 1, overridden: 1 })
  })

  it('turns the API error body into an ApiError with its code and Vietnamese message', async () => {
    const api = createApiClient({
      baseUrl: 'http://api.test',
      token: 'tls_not-a-real-token',
      fetch: (input, init) =>
        Promise.resolve(app.request(String(input).replace('http://api.test', ''), init)),
    })
    const error = await api.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    await expect(clientFor(null).me()).rejects.toMatchObject({ code: 'NO_TOKEN' })
  })
})
