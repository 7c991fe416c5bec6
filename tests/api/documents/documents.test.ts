import { createHash } from 'node:crypto'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caDirOf } from '../../../api/documents/documents-service.ts'
import { loadCertificateAuthority } from '../../../api/documents/init-certificate-authority.ts'
import { fromPem } from '../../../api/documents/pki-encoding.ts'
import { header } from '../../helpers/documents-app.ts'
import { pdfsig } from '../../helpers/documents-fixtures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { signLocally } from '../../helpers/documents-signer.ts'

type Doc = {
  id: string
  sha256: string
  signatureStatus: string
  verification: { status: string; signatures: { integrity: boolean; problems: string[] }[] }
  recipients: { agencyCode: string; status: string }[]
}

const SENDER = '000.00.01.H56'
const A = '000.00.02.H56'
const B = '000.00.03.H56'

describe('routing documents between agencies', () => {
  let app: Scenario, clerk: Official, clerkA: Official, clerkB: Official, viewerA: Official
  let signed: (text?: string) => Promise<Buffer>

  beforeAll(async () => {
    app = await startScenario({
      env: { DOCUMENTS_MAX_BYTES: String(300 * 1024) },
      agencies: [
        [SENDER, 'UBND tỉnh Hà Nam'],
        [A, 'Sở Tài chính tỉnh Hà Nam', SENDER],
        [B, 'Sở Y tế tỉnh Hà Nam', SENDER],
      ],
    })
    clerk = await app.official(SENDER, 'clerk', 'Văn thư UBND')
    clerkA = await app.official(A, 'clerk', 'Văn thư Sở Tài chính')
    clerkB = await app.official(B, 'clerk', 'Văn thư Sở Y tế')
    viewerA = await app.official(A, 'viewer')
    const approver = await app.official(SENDER, 'approver', 'Chủ tịch UBND')
    const approverKey = await app.enrol(approver)
    const clerkKey = await app.enrol(clerk)
    signed = async (text = 'Quyet dinh') => {
      const once = await app.sign(
        approver,
        approverKey,
        await app.pdf({ text: `${text} ${Math.random()}` }),
        'approver',
      )
      return app.sign(clerk, clerkKey, once, 'organisation')
    }
  })
  afterAll(() => app.close())

  it('stores a signed document content-addressed and returns the same id on resubmission', async () => {
    const pdf = await signed()
    const first = await app.submit(clerk, pdf, app.header([A, B]))
    expect(first.status).toBe(201)
    const doc = (await first.json()) as Doc
    expect(doc.sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    expect(doc.signatureStatus).toBe('signed_valid')
    expect(doc.recipients).toEqual([
      { agencyCode: A, status: '01' },
      { agencyCode: B, status: '01' },
    ])
    const again = await app.submit(clerk, pdf, app.header([A, B]))
    expect(again.status).toBe(200)
    expect(((await again.json()) as Doc).id).toBe(doc.id)
    const stored = await app.request(`/v1/documents/${doc.id}/pdf`, { headers: app.auth(clerkA) })
    expect(stored.headers.get('x-document-sha256')).toBe(doc.sha256)
    expect(Buffer.from(await stored.arrayBuffer()).equals(pdf)).toBe(true)
  })

  it('rejects an unsigned PDF unless the sender allows it, then stores it as unsigned', async () => {
    const pdf = await app.pdf({ text: 'chua ky' })
    const refused = await app.submit(clerk, pdf, app.header([A]))
    expect(refused.status).toBe(422)
    const accepted = await app.submit(clerk, pdf, app.header([A], { allowUnsigned: true }))
    expect(accepted.status).toBe(201)
    expect(((await accepted.json()) as Doc).signatureStatus).toBe('unsigned')
  })

  it('detects a tampered signed PDF like pdfsig does and accepts it only as unsigned', async () => {
    const pdf = await signed('to be tampered')
    const tampered = Buffer.from(pdf)
    // a byte of the binary comment after %PDF-1.7: the file still parses, the digest does not match
    tampered[10] = (tampered[10] ?? 0) ^ 0x01
    const verdict = await pdfsig(tampered, app.t.dir)
    expect(verdict).toContain('Digest Mismatch')
    const refused = await app.submit(clerk, tampered, app.header([A]))
    expect(refused.status).toBe(422)
    const err = (await refused.json()) as { error: { message: string; details: Doc['verification'] } }
    expect(err.error.details.signatures.map((s) => s.integrity)).toEqual([false, false])
    const accepted = await app.submit(clerk, tampered, app.header([A], { allowUnsigned: true }))
    const doc = (await accepted.json()) as Doc
    expect(doc.signatureStatus).toBe('unsigned')
    expect(doc.verification.status).toBe('signed_invalid')
  })

  it('rejects a signature whose signer does not hold the role it claims', async () => {
    // a clerk's own key, used outside the API to sign in the approver's place
    const key = await app.enrol(clerk)
    const row = await app.t.db.$client.execute({
      sql: 'SELECT pem FROM certificates WHERE serial = ?',
      args: [key.serial],
    })
    const der = new Uint8Array(fromPem(String(row.rows[0]?.['pem']), 'CERTIFICATE'))
    const ca = await loadCertificateAuthority(caDirOf(app.deps.config))
    const signer = {
      token: '',
      name: clerk.name,
      privateKey: key.privateKey,
      cert: pkijs.Certificate.fromBER(der),
      der,
    }
    const pdf = await signLocally(await app.pdf({ text: 'gia mao' }), signer, 'approver', ca!)
    const res = await app.submit(clerk, pdf, app.header([A]))
    expect(res.status).toBe(422)
    const err = (await res.json()) as {
      error: { details: { signatures: { integrity: boolean; roleValid: boolean }[] } }
    }
    expect(err.error.details.signatures[0]).toMatchObject({ integrity: true, roleValid: false })
  })

  it('flags content appended after the last signature', async () => {
    const pdf = await signed('appended')
    const appended = Buffer.concat([pdf, Buffer.from('\n% added later\n')])
    expect(await pdfsig(appended, app.t.dir)).not.toMatch(/Signature #2:[\s\S]*Total document signed/)
    const res = await app.submit(clerk, appended, app.header([A]))
    expect(res.status).toBe(422)
  })

  it("keeps each agency's inbox to itself; another agency gets 404 for the document", async () => {
    const pdf = await signed('chi gui A')
    const doc = (await (await app.submit(clerk, pdf, app.header([A]))).json()) as Doc
    const inboxA = (await (
      await app.request('/v1/documents?box=inbox', { headers: app.auth(viewerA) })
    ).json()) as {
      results: { id: string }[]
    }
    expect(inboxA.results.map((r) => r.id)).toContain(doc.id)
    const inboxB = (await (
      await app.request('/v1/documents?box=inbox', { headers: app.auth(clerkB) })
    ).json()) as {
      results: { id: string }[]
    }
    expect(inboxB.results.map((r) => r.id)).not.toContain(doc.id)
    for (const path of ['', '/pdf', '/edxml']) {
      const res = await app.request(`/v1/documents/${doc.id}${path}`, { headers: app.auth(clerkB) })
      expect(res.status).toBe(404)
    }
    const status = await app.request(`/v1/documents/${doc.id}/status`, {
      method: 'POST',
      headers: { ...app.auth(clerkB), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: '03' }),
    })
    expect(status.status).toBe(404)
  })

  const setStatus = (who: Official, id: string, body: Record<string, string>) =>
    app.request(`/v1/documents/${id}/status`, {
      method: 'POST',
      headers: { ...app.auth(who), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('moves a recipient through QCVN 102 statuses, refuses skipped steps, audits each change', async () => {
    const doc = (await (
      await app.submit(clerk, await signed('trang thai'), app.header([A, B]))
    ).json()) as Doc
    expect((await setStatus(clerkA, doc.id, { status: '06' })).status).toBe(409)
    for (const s of ['03', '04', '05', '06'])
      expect((await setStatus(clerkA, doc.id, { status: s, note: `b ${s}` })).status).toBe(200)
    expect((await setStatus(clerkA, doc.id, { status: '03' })).status).toBe(409)
    expect((await setStatus(clerkB, doc.id, { status: '02', note: 'Sai thẩm quyền' })).status).toBe(200)
    expect((await setStatus(viewerA, doc.id, { status: '03' })).status).toBe(403)
    expect((await setStatus(clerkA, doc.id, { status: '13' })).status).toBe(403)
    const seen = (await (
      await app.request(`/v1/documents/${doc.id}`, { headers: app.auth(clerk) })
    ).json()) as {
      recipients: { agencyCode: string; status: string }[]
      events: { agencyCode: string; status: string }[]
    }
    expect(seen.recipients.map((r) => [r.agencyCode, r.status])).toEqual([
      [A, '06'],
      [B, '02'],
    ])
    expect(seen.events.filter((e) => e.agencyCode === A).map((e) => e.status)).toEqual([
      '01',
      '03',
      '04',
      '05',
      '06',
    ])
    const audit = await app.t.db.$client.execute({
      sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'document.status' AND entity_id = ?",
      args: [doc.id],
    })
    expect(Number(audit.rows[0]?.['n'])).toBe(5)
    const asA = (await (
      await app.request(`/v1/documents/${doc.id}`, { headers: app.auth(clerkA) })
    ).json()) as {
      recipients: { agencyCode: string }[]
    }
    expect(asA.recipients.map((r) => r.agencyCode)).toEqual([A])
  })

  it('lets the sender recall (13) and the recipient accept (15) or refuse (16)', async () => {
    const doc = (await (await app.submit(clerk, await signed('thu hoi'), app.header([A, B]))).json()) as Doc
    expect((await setStatus(clerkA, doc.id, { status: '03' })).status).toBe(200)
    const recall = await setStatus(clerk, doc.id, { status: '13', note: 'Sai số hiệu' })
    expect(recall.status).toBe(200)
    expect(
      ((await recall.json()) as { recipients: { status: string }[] }).recipients.map((r) => r.status),
    ).toEqual(['13', '13'])
    expect((await setStatus(clerkA, doc.id, { status: '15' })).status).toBe(200)
    expect((await setStatus(clerkB, doc.id, { status: '16' })).status).toBe(200)
    expect((await setStatus(clerk, doc.id, { status: '13' })).status).toBe(409)
    const sent = (await (
      await app.request('/v1/documents?box=sent&limit=200', { headers: app.auth(clerk) })
    ).json()) as {
      results: { id: string; recipients: { agencyCode: string; status: string }[] }[]
    }
    expect(sent.results.find((r) => r.id === doc.id)?.recipients).toEqual([
      { agencyCode: A, status: '15' },
      { agencyCode: B, status: '16' },
    ])
  })

  it('filters the inbox by status', async () => {
    const doc = (await (await app.submit(clerk, await signed('loc'), app.header([B]))).json()) as Doc
    await setStatus(clerkB, doc.id, { status: '03' })
    const res = (await (
      await app.request('/v1/documents?box=inbox&status=03', { headers: app.auth(clerkB) })
    ).json()) as {
      results: { id: string; recipients: { status: string }[] }[]
    }
    expect(res.results.map((r) => r.id)).toContain(doc.id)
    expect(res.results.every((r) => r.recipients[0]?.status === '03')).toBe(true)
  })

  it('exports edXML and imports it back to the same document', async () => {
    const pdf = await signed('edxml')
    const doc = (await (await app.submit(clerk, pdf, app.header([A], { pages: 1 }))).json()) as Doc
    const res = await app.request(`/v1/documents/${doc.id}/edxml`, { headers: app.auth(clerk) })
    expect(res.headers.get('content-type')).toContain('application/xml')
    const xml = await res.text()
    expect(xml).toContain('http://www.mic.gov.vn/TBT/QCVN_102_2016')
    expect(xml).toContain('<edXML:OrganId>000.00.01.H56</edXML:OrganId>')
    // number and notation travel apart, as the national axis exchanges them
    expect(xml).toContain('<edXML:CodeNumber>123</edXML:CodeNumber>')
    expect(xml).toContain('<edXML:CodeNotation>QĐ-UBND</edXML:CodeNotation>')
    expect(xml).toContain('<edXML:Paper>0</edXML:Paper>')
    const post = (body: string, who = clerk) =>
      app.request('/v1/documents/edxml', {
        method: 'POST',
        headers: { ...app.auth(who), 'Content-Type': 'application/xml' },
        body,
      })
    const back = await post(xml)
    expect(back.status).toBe(200)
    expect(((await back.json()) as Doc).id).toBe(doc.id)
    const fresh = xml.replace(
      Buffer.from(pdf).toString('base64'),
      Buffer.from(await signed('edxml 2')).toString('base64'),
    )
    const created = await post(fresh)
    expect(created.status).toBe(201)
    expect(((await created.json()) as Doc).signatureStatus).toBe('signed_valid')
    // the recipient may import the same package (addressed to it): the document it already has
    const received = await post(xml, clerkA)
    expect(received.status).toBe(200)
    expect(((await received.json()) as Doc).id).toBe(doc.id)
    // an agency the package is not addressed to may not
    expect((await post(xml, clerkB)).status).toBe(403)
    expect((await post('<khong-dong')).status).toBe(400)
  })

  it('answers 413 for a body over DOCUMENTS_MAX_BYTES', async () => {
    const big = await app.pdf({ padTo: 400 * 1024 })
    const res = await app.submit(clerk, big, app.header([A], { allowUnsigned: true }))
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'DOCUMENTS_MAX_BYTES',
    )
  })

  it.each([
    ['a JSON body instead of multipart', { 'Content-Type': 'application/json' }, '{}', 415],
    ['a text file', undefined, 'text', 415],
  ])('answers 415 for %s', async (_, headers, kind, status) => {
    const body =
      kind === 'text'
        ? (() => {
            const f = new FormData()
            f.set('file', new File(['xin chao'], 'a.txt', { type: 'text/plain' }))
            f.set('header', app.header([A]))
            return f
          })()
        : kind
    const res = await app.request('/v1/documents', {
      method: 'POST',
      headers: { ...app.auth(clerk), ...headers },
      body,
    })
    expect(res.status).toBe(status)
  })

  it('answers 400 for a cut multipart body', async () => {
    const res = await app.request('/v1/documents', {
      method: 'POST',
      headers: { ...app.auth(clerk), 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7',
    })
    expect(res.status).toBe(400)
  })

  it.each([
    ['malformed JSON', '{to:', /header/],
    [
      'a missing subject',
      JSON.stringify({ to: [A], notation: '1/QĐ', place: 'X', promulgatedAt: '2026-01-01', type: 'QĐ' }),
      /subject/,
    ],
    ['a bad date', header([A], { promulgatedAt: '20/11/2026' }), /promulgatedAt/],
    ['a malformed agency code', header(['H56-01']), /header\.to\[0\].*QCVN 102/],
  ])('answers 400 naming the field for %s', async (_, hdr, message) => {
    const res = await app.request('/v1/documents', {
      method: 'POST',
      headers: app.auth(clerk),
      body: app.form(await app.pdf(), { header: hdr }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
  })

  it('answers 422 naming an unknown recipient agency', async () => {
    const res = await app.submit(
      clerk,
      await app.pdf(),
      app.header(['000.00.99.H56'], { allowUnsigned: true }),
    )
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('000.00.99.H56')
  })

  it('keeps no half-written documents: every document has its blob and recipients', async () => {
    const orphans = await app.t.db.$client.execute(`SELECT count(*) AS n FROM documents d
      WHERE NOT EXISTS (SELECT 1 FROM document_blobs b WHERE b.sha256 = d.sha256)
         OR NOT EXISTS (SELECT 1 FROM document_recipients r WHERE r.document_id = d.id)`)
    expect(Number(orphans.rows[0]?.['n'])).toBe(0)
  })
})
