import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  authHeader,
  createDocumentsTestApp,
  type DocumentsTestApp,
  type Official,
  pdfForm,
} from '../../helpers/documents-app.ts'
import { makePdf, signWithKey } from '../../helpers/documents-fixtures.ts'

const SENDER = '000.00.01.H56'

describe('GET /v1/signing/sessions/:id/prepared: the revision a pending session will sign', () => {
  let app: DocumentsTestApp, approver: Official, other: Official

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency(SENDER, 'Sở Tư pháp')
    approver = await app.official(SENDER, 'approver', 'Nguyễn Văn An')
    other = await app.official(SENDER, 'approver', 'Trần Văn Bình')
  })
  afterAll(() => app.close())

  it('returns the prepared bytes with the hash the session states, to its own official only, while pending', async () => {
    const key = await app.enrol(approver)
    const pdf = await makePdf({ text: 'Quyet dinh 5' })
    const res = await app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: authHeader(approver),
      body: pdfForm(pdf, { role: 'approver', certificateSerial: key.serial }),
    })
    expect(res.status).toBe(201)
    const session = (await res.json()) as { sessionId: string; preparedSha256: string; toBeSigned: string }
    const prepared = await app.request(`/v1/signing/sessions/${session.sessionId}/prepared`, {
      headers: authHeader(approver),
    })
    expect(prepared.status).toBe(200)
    expect(prepared.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await prepared.arrayBuffer())
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(session.preparedSha256)
    expect(prepared.headers.get('x-document-sha256')).toBe(session.preparedSha256)
    // the original document, then the incremental update with the empty signature
    expect(bytes.subarray(0, pdf.length).equals(pdf)).toBe(true)
    expect(
      (
        await app.request(`/v1/signing/sessions/${session.sessionId}/prepared`, {
          headers: authHeader(other),
        })
      ).status,
    ).toBe(404)

    const done = await app.request(`/v1/signing/sessions/${session.sessionId}/complete`, {
      method: 'POST',
      headers: { ...authHeader(approver), 'Content-Type': 'application/json' },
      body: JSON.stringify({ signature: await signWithKey(key.privateKey, session.toBeSigned) }),
    })
    expect(done.status).toBe(200)
    // signed: the prepared revision is no longer offered for signing
    const after = await app.request(`/v1/signing/sessions/${session.sessionId}/prepared`, {
      headers: authHeader(approver),
    })
    expect(after.status).toBe(409)
  })
})
