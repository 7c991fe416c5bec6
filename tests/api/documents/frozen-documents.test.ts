import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caDirOf } from '../../../api/documents/documents-service.ts'
import { toEdxmlTimestamp } from '../../../api/documents/edxml-format.ts'
import { ensureCertificateAuthority } from '../../../api/documents/init-certificate-authority.ts'
import { documents } from '../../../knowledge/db/schema/documents.ts'
import { auditLog } from '../../../knowledge/db/schema/procedures.ts'
import type { DocumentsTestApp, Official } from '../../helpers/documents-app.ts'
import { authHeader, createDocumentsTestApp, header, submit } from '../../helpers/documents-app.ts'
import { makePdf } from '../../helpers/documents-fixtures.ts'
import { type LocalSigner, makeLocalSigner, signLocally } from '../../helpers/documents-signer.ts'

const SENDER = '000.00.01.H56'
const TO = '000.00.02.H56'
const THIRD = '000.00.03.H56'

/** How a document came to be what it is. */
const CASES = [
  'valid',
  'revoked-after-receipt',
  'revoked-cert',
  'revoked-by-edxml',
  'signature-invalid',
] as const
type Case = (typeof CASES)[number]

/** The reason a frozen document gives, or null when it moves on. */
const FROZEN: Record<Case, string | null> = {
  valid: null,
  'revoked-after-receipt': null,
  'revoked-cert': 'certificate_revoked',
  'revoked-by-edxml': 'revoked',
  'signature-invalid': 'signature_invalid',
}
/** What the message says about why (Vietnamese), per frozen case. */
const WHY: Record<string, string> = {
  certificate_revoked: 'đã bị thu hồi lúc',
  revoked: 'Văn bản đã bị cơ quan gửi thu hồi (gói edXML thu hồi: Ban hành sai thẩm quyền)',
  signature_invalid: 'Chữ ký số của văn bản không hợp lệ',
}

const ENDPOINTS = [
  'recipient status 03',
  'sender recall 13',
  'edXML status package',
  'status package through the general edXML import',
  'add recipients (same PDF again)',
] as const
type Endpoint = (typeof ENDPOINTS)[number]

type Made = { id: string; pdf: Buffer; notation: string; edxmlDocumentId: string; allowUnsigned: boolean }

const statusPackage = (doc: Made) => `<?xml version="1.0" encoding="utf-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:ResponseFor>
          <edXML:OrganId>${SENDER}</edXML:OrganId>
          <edXML:Code>${doc.notation}</edXML:Code>
          <edXML:PromulgationDate>2026/11/20</edXML:PromulgationDate>
          <edXML:DocumentId>${doc.edxmlDocumentId}</edXML:DocumentId>
        </edXML:ResponseFor>
        <edXML:From><edXML:OrganId>${TO}</edXML:OrganId><edXML:OrganName>Sở Tư pháp</edXML:OrganName></edXML:From>
        <edXML:StatusCode>03</edXML:StatusCode>
        <edXML:Description>Đã vào sổ văn bản đến</edXML:Description>
        <edXML:Timestamp>${toEdxmlTimestamp(new Date(Date.now() + 1000))}</edXML:Timestamp>
        <edXML:StaffInfo><edXML:Department>Văn phòng</edXML:Department><edXML:Staff>Trần Thị Bình</edXML:Staff></edXML:StaffInfo>
      </edXML:MessageHeader>
    </edXML:edXMLHeader>
  </edXML:edXMLEnvelope>
</edXML>`

/** A business package from the sender about `doc`: 1 revoke, 2 update (subject), 3 replace (with `pdf`). */
const businessPackage = (doc: Made, type: 1 | 2 | 3, pdf?: Buffer) => `<?xml version="1.0" encoding="utf-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From><edXML:OrganId>${SENDER}</edXML:OrganId><edXML:OrganName>UBND tỉnh</edXML:OrganName></edXML:From>
        <edXML:To><edXML:OrganId>${TO}</edXML:OrganId><edXML:OrganName>Sở Tư pháp</edXML:OrganName></edXML:To>
        ${
          type === 3
            ? `<edXML:Code><edXML:CodeNumber>${serialOf(doc) + 500}</edXML:CodeNumber><edXML:CodeNotation>QĐ-UBND</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place><edXML:PromulgationDate>2026/11/21</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeDetail>2</edXML:TypeDetail><edXML:TypeName>Quyết định</edXML:TypeName></edXML:DocumentType>`
            : ''
        }
        <edXML:Subject>${type === 1 ? 'Thu hồi' : type === 2 ? 'Cập nhật trích yếu' : 'Thay thế'} văn bản ${doc.notation}</edXML:Subject>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:Bussiness>
          <edXML:BussinessDocType>${type}</edXML:BussinessDocType>
          <edXML:BussinessDocReason>Ban hành sai thẩm quyền</edXML:BussinessDocReason>
          <edXML:DocumentId>${doc.edxmlDocumentId}</edXML:DocumentId>
        </edXML:Bussiness>
      </edXML:TraceHeaderList>
    </edXML:edXMLHeader>
    ${
      pdf
        ? `<edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference>
      <edXML:AttachmentName>thay-the.pdf</edXML:AttachmentName><edXML:ContentType>application/pdf</edXML:ContentType>
      <edXML:ContentId>cid:thay-the@ubnd</edXML:ContentId></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody>`
        : ''
    }
  </edXML:edXMLEnvelope>
  ${
    pdf
      ? `<AttachmentEncoded><Attachment><ContentType>application/pdf</ContentType><ContentId>thay-the@ubnd</ContentId>
    <ContentTransferEncoded>${pdf.toString('base64')}</ContentTransferEncoded><AttachmentName>thay-the.pdf</AttachmentName></Attachment></AttachmentEncoded>`
      : ''
  }
</edXML>`
const revokePackage = (doc: Made) => businessPackage(doc, 1)
const serialOf = (doc: Made) => Number(doc.notation.split('/')[0])

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('a revoked or invalid document cannot move on', () => {
  let app: DocumentsTestApp, senderClerk: Official, recipientClerk: Official, admin: Official
  let approver: LocalSigner, clerkSigner: LocalSigner
  /** leaves before their documents reach trolyso */
  let leaverBefore: LocalSigner
  /** leaves after their documents reached trolyso */
  let leaverAfter: LocalSigner
  const docs = new Map<string, Made>()
  let serial = 100

  const key = (c: Case, e: Endpoint) => `${c}|${e}`
  const post = (path: string, who: Official, body: string, type = 'application/json') =>
    app.request(path, { method: 'POST', headers: { ...authHeader(who), 'Content-Type': type }, body })
  const refusals = async (id: string) =>
    app.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document.change_refused'), eq(auditLog.entityId, id)))
  const recipientsOf = async (id: string) =>
    (
      (await (await app.request(`/v1/documents/${id}`, { headers: authHeader(senderClerk) })).json()) as {
        recipients: { agencyCode: string; status: string }[]
      }
    ).recipients
      .map((r) => `${r.agencyCode}:${r.status}`)
      .sort()
  const revoke = async (signer: LocalSigner) => {
    const me = (await (await app.request('/v1/me', { headers: authHeader(signer.token) })).json()) as {
      official: { id: string }
    }
    const res = await app.request(`/v1/officials/${me.official.id}/revoke`, {
      method: 'POST',
      headers: authHeader(admin),
    })
    expect(res.status).toBe(200)
  }

  /** Approver's signature (by `by`, claiming `at`), then the organisation's. */
  const signBoth = async (text: string, by: LocalSigner, at = new Date()) => {
    const ca = await ensureCertificateAuthority(caDirOf(app.deps.config))
    const approved = await signLocally(await makePdf({ text }), by, 'approver', ca, at)
    return { approved, finish: () => signLocally(approved, clerkSigner, 'organisation', ca) }
  }

  const send = async (pdf: Buffer, allowUnsigned = false): Promise<Made> => {
    const notation = `${serial++}/QĐ-UBND`
    const res = await submit(app, senderClerk, pdf, header([TO], { notation, allowUnsigned }))
    expect(res.status, await res.clone().text()).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const shown = (await (
      await app.request(`/v1/documents/${id}`, { headers: authHeader(senderClerk) })
    ).json()) as {
      edxmlDocumentId: string
    }
    return { id, pdf, notation, edxmlDocumentId: shown.edxmlDocumentId, allowUnsigned }
  }

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency(SENDER, 'UBND tỉnh Hà Nam')
    await app.agency(TO, 'Sở Tư pháp tỉnh Hà Nam', SENDER)
    await app.agency(THIRD, 'Sở Y tế tỉnh Hà Nam', SENDER)
    senderClerk = await app.official(SENDER, 'clerk', 'Văn thư UBND')
    recipientClerk = await app.official(TO, 'clerk', 'Văn thư Sở Tư pháp')
    admin = await app.official(SENDER, 'agency_admin', 'Quản trị')
    const ca = await ensureCertificateAuthority(caDirOf(app.deps.config))
    const signer = (role: string, name: string) =>
      makeLocalSigner({ db: app.t.db, ca, agencyCode: SENDER, role, name })
    approver = await signer('approver', 'Phó Chủ tịch')
    clerkSigner = await signer('clerk', 'Văn thư ký số')
    leaverBefore = await signer('approver', 'Lãnh đạo đã nghỉ trước')
    leaverAfter = await signer('approver', 'Lãnh đạo nghỉ sau')

    // the leaver signs (claiming a time before the revocation), is revoked, then the clerk finishes and sends
    const early = new Date(Date.now() - 5000)
    const pending = await Promise.all(
      ENDPOINTS.map(async (e) => [e, await signBoth(`roi di truoc ${e}`, leaverBefore, early)] as const),
    )
    await revoke(leaverBefore)
    for (const [e, p] of pending) docs.set(key('revoked-cert', e), await send(await p.finish()))

    for (const e of ENDPOINTS) {
      docs.set(key('valid', e), await send(await (await signBoth(`hop le ${e}`, approver)).finish()))
      docs.set(
        key('revoked-after-receipt', e),
        await send(await (await signBoth(`nghi sau ${e}`, leaverAfter)).finish()),
      )
      const signed = await (await signBoth(`sua sau khi ky ${e}`, approver)).finish()
      // bytes added after the last signature: the signature no longer covers the file
      const tampered = Buffer.concat([signed, Buffer.from('\n% sửa sau khi ký\n')])
      docs.set(key('signature-invalid', e), await send(tampered, true))
      const toRevoke = await send(await (await signBoth(`thu hoi ${e}`, approver)).finish())
      const revoked = await post(
        '/v1/documents/edxml',
        senderClerk,
        revokePackage(toRevoke),
        'application/xml',
      )
      expect(revoked.status, await revoked.clone().text()).toBe(200)
      docs.set(key('revoked-by-edxml', e), toRevoke)
    }
    await sleep(10)
    await revoke(leaverAfter)
    // 25 documents and 50 signatures: about 25 s alone on the 2-core machine, several times that
    // when the other test worker and other work share its cores
  }, 300_000)
  afterAll(() => app.close())

  const call = (e: Endpoint, doc: Made) => {
    switch (e) {
      case 'recipient status 03':
        return post(`/v1/documents/${doc.id}/status`, recipientClerk, JSON.stringify({ status: '03' }))
      case 'sender recall 13':
        return post(`/v1/documents/${doc.id}/status`, senderClerk, JSON.stringify({ status: '13' }))
      case 'edXML status package':
        return post('/v1/documents/edxml/status', senderClerk, statusPackage(doc), 'application/xml')
      case 'status package through the general edXML import':
        return post('/v1/documents/edxml', senderClerk, statusPackage(doc), 'application/xml')
      case 'add recipients (same PDF again)':
        return submit(
          app,
          senderClerk,
          doc.pdf,
          header([TO, THIRD], { notation: doc.notation, allowUnsigned: doc.allowUnsigned }),
        )
    }
  }

  const matrix = CASES.flatMap((c) => ENDPOINTS.map((e) => [c, e] as const))
  it.each(matrix)('%s document, %s', async (c, e) => {
    const doc = docs.get(key(c, e))
    if (!doc) throw new Error(`no document for ${c} / ${e}`)
    const before = await recipientsOf(doc.id)
    const res = await call(e, doc)
    const reason = FROZEN[c]
    if (!reason) {
      expect(res.status, await res.clone().text()).toBe(200)
      expect(await recipientsOf(doc.id)).not.toEqual(before)
      expect(await refusals(doc.id)).toHaveLength(0)
      return
    }
    expect(res.status, await res.clone().text()).toBe(409)
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { reason: string } }
    }
    expect(body.error.code).toBe('CONFLICT')
    expect(body.error.details.reason).toBe(reason)
    expect(body.error.message).toContain(WHY[reason])
    // Vietnamese and English
    expect(body.error.message).toMatch(/^Không .* được nữa\./)
    expect(body.error.message).toContain('cannot change status or get new recipients')
    expect(await recipientsOf(doc.id)).toEqual(before)
    const audited = await refusals(doc.id)
    expect(audited).toHaveLength(1)
    expect(audited[0]?.detail).toMatchObject({ reason })
  })

  it('refuses an edXML update of a frozen document and a replacement of a revoked one; an invalid one may be replaced', async () => {
    const xml = (doc: Made, type: 2 | 3, pdf?: Buffer) =>
      post('/v1/documents/edxml', senderClerk, businessPackage(doc, type, pdf), 'application/xml')
    const body = async (res: Response) => (await res.json()) as { error: { details: { reason: string } } }

    const revoked = docs.get(key('revoked-by-edxml', 'recipient status 03')) as Made
    const update = await xml(revoked, 2)
    expect(update.status, await update.clone().text()).toBe(409)
    expect((await body(update)).error.details.reason).toBe('revoked')
    const replacement = await (await signBoth('thay the van ban da thu hoi', approver)).finish()
    const documentCount = async () => (await app.t.db.select({ id: documents.id }).from(documents)).length
    const before = await documentCount()
    const replace = await xml(revoked, 3, replacement)
    expect(replace.status, await replace.clone().text()).toBe(409)
    // nothing stored: the replacement is not a document, the revoked one stays revoked
    const shown = await app.request(`/v1/documents/${revoked.id}`, { headers: authHeader(senderClerk) })
    expect(((await shown.json()) as { state: string }).state).toBe('revoked')
    expect(await documentCount()).toBe(before)
    expect((await refusals(revoked.id)).map((r) => (r.detail as { action: string }).action)).toEqual(
      expect.arrayContaining(['update_header', 'replace']),
    )

    const invalid = docs.get(key('signature-invalid', 'recipient status 03')) as Made
    expect((await xml(invalid, 2)).status).toBe(409)
    // replacing is how the sender remedies an invalid signature
    const remedy = await xml(invalid, 3, await (await signBoth('ban dung thay the', approver)).finish())
    expect(remedy.status, await remedy.clone().text()).toBe(201)
    expect(((await remedy.json()) as { replaces: string }).replaces).toBe(invalid.id)
  })
})
