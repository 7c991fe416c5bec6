import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toEdxmlTimestamp } from '../../../api/documents/edxml-format.ts'
import { documents } from '../../../knowledge/db/schema/documents.ts'
import { auditLog } from '../../../knowledge/db/schema/procedures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

/** Sở Tư pháp: another system on the national axis (registered here, its officials only sign test PDFs) */
const OTHER = '000.00.10.G09'
/** Sở Tài chính: the importing agency */
const ME = '000.00.02.H56'
const ELSE = '000.00.03.H56'
const SXD = '000.00.20.H56'

/** an unsigned appendix PDF, attached before the document in the vendor package */
let appendixBase64 = ''

const fixture = (name: string, values: Record<string, string> = {}) => {
  let xml = readFileSync(new URL(`../../fixtures/edxml/${name}`, import.meta.url), 'utf8')
  for (const [k, v] of Object.entries({ APPENDIX_BASE64: appendixBase64, ...values }))
    xml = xml.replaceAll(`{{${k}}}`, v)
  return xml
}

type Doc = {
  id: string
  sha256: string
  signatureStatus: string
  recipients: { agencyCode: string; status: string }[]
  replaces?: string
  state?: string
}

type Shown = Doc & {
  header: Record<string, unknown>
  senderAgency: { code: string }
  subject: string
  state: string
  stateReason: string | null
  replaces: string | null
  replacedBy: string | null
  edxmlDocumentId: string
  events: { agencyCode: string; status: string; note: string | null }[]
}

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (n) => n.endsWith(':To') }).parse(
    xml,
  )

describe('edXML as exchanged on the national document axis', () => {
  let app: Scenario, meClerk: Official, elseClerk: Official, otherClerk: Official
  let signedByOther: (text: string) => Promise<Buffer>
  let received: Doc
  let receivedPdf: Buffer

  const post = (xml: string, who: Official, path = '/v1/documents/edxml') =>
    app.request(path, {
      method: 'POST',
      headers: { ...app.auth(who), 'Content-Type': 'application/xml' },
      body: xml,
    })
  const show = async (id: string, who: Official) =>
    (await (await app.request(`/v1/documents/${id}`, { headers: app.auth(who) })).json()) as Shown
  const audits = (action: string, entityId: string) =>
    app.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
  const documentCount = async () => (await app.t.db.select({ id: documents.id }).from(documents)).length
  /** an unsigned PDF with this text, sent by the official to `to` with the header's fields; 201 expected */
  const sentUnsigned = async (
    from: Official,
    text: string,
    to: string[],
    fields: Record<string, unknown>,
  ) => {
    const res = await app.submit(
      from,
      await app.pdf({ text }),
      app.header(to, { ...fields, allowUnsigned: true }),
    )
    expect(res.status).toBe(201)
    return (await res.json()) as Doc
  }

  beforeAll(async () => {
    app = await startScenario({ env: { DOCUMENTS_MAX_BYTES: String(300 * 1024) } })
    appendixBase64 = (await app.pdf({ text: 'Phu luc' })).toString('base64')
    await app.agency(OTHER, 'Sở Tư pháp tỉnh Hà Nam')
    await app.agency(ME, 'Sở Tài chính tỉnh Hà Nam')
    await app.agency(ELSE, 'Sở Y tế tỉnh Hà Nam')
    meClerk = await app.official(ME, 'clerk', 'Nguyễn Thị Mai')
    elseClerk = await app.official(ELSE, 'clerk', 'Văn thư Sở Y tế')
    otherClerk = await app.official(OTHER, 'clerk', 'Văn thư Sở Tư pháp')
    const otherApprover = await app.official(OTHER, 'approver', 'Nguyễn Văn An')
    const approverKey = await app.enrol(otherApprover)
    const clerkKey = await app.enrol(otherClerk)
    signedByOther = async (text) => {
      const once = await app.sign(otherApprover, approverKey, await app.pdf({ text }), 'approver')
      return app.sign(otherClerk, clerkKey, once, 'organisation')
    }
  }, 60_000)
  afterAll(() => app.close())

  it('receives a vendor-SDK-layout package from another agency addressed to the importing one', async () => {
    receivedPdf = await signedByOther('Quyet dinh 123 STP')
    const xml = fixture('vendor-sdk-new.edxml', { PDF_BASE64: receivedPdf.toString('base64') })
    const res = await post(xml, meClerk)
    expect(res.status).toBe(201)
    received = (await res.json()) as Doc
    expect(received.signatureStatus).toBe('signed_valid')
    // delivered to the importing agency only, under the sending agency
    expect(received.recipients).toEqual([{ agencyCode: ME, status: '01' }])
    // the PDF the manifest names first, not the appendix PDF nor the text attached before it
    expect(received.sha256).toBe(createHash('sha256').update(receivedPdf).digest('hex'))
    const doc = await show(received.id, meClerk)
    expect(doc.senderAgency.code).toBe(OTHER)
    expect(doc.edxmlDocumentId).toBe(`${OTHER},2026/11/20,123/QĐ-STP`)
    expect(doc.header).toMatchObject({
      notation: '123/QĐ-STP',
      codeNumber: '123',
      place: 'Phủ Lý',
      promulgatedAt: '2026-11-20',
      type: 'Quyết định',
      signerCompetence: 'KT. GIÁM ĐỐC',
      signerPosition: 'PHÓ GIÁM ĐỐC',
      signerName: 'Nguyễn Văn An',
      dueDate: '2026-12-15',
      priority: 'urgent',
      steeringType: '1',
      paperCopy: false,
      to: [ME],
    })
    expect(await audits('document.receive_edxml', received.id)).toHaveLength(1)
    // the same package again: the same document
    const again = await post(xml, meClerk)
    expect(again.status).toBe(200)
    expect(((await again.json()) as Doc).id).toBe(received.id)
    // ContentId written with cid: on the attachment too (matched to the manifest all the same), Type carrying the detail code (18) without TypeName
    const other = await signedByOther('Cong van STP')
    const variant = fixture('vendor-sdk-new.edxml', { PDF_BASE64: other.toString('base64') })
      .replace('<ContentId>3c9d2b7e', '<ContentId>cid:3c9d2b7e')
      .replace(
        /<edXML:DocumentType>[\s\S]*?<\/edXML:DocumentType>/,
        '<edXML:DocumentType><edXML:Type>18</edXML:Type></edXML:DocumentType>',
      )
      .replace('<edXML:CodeNumber>123</edXML:CodeNumber>', '<edXML:CodeNumber>77</edXML:CodeNumber>')
      .replace(
        '<edXML:CodeNotation>QĐ-STP</edXML:CodeNotation>',
        '<edXML:CodeNotation>STP-VP</edXML:CodeNotation>',
      )
    const second = await post(variant, meClerk)
    expect(second.status).toBe(201)
    const secondDoc = (await second.json()) as Doc
    expect(secondDoc.sha256).toBe(createHash('sha256').update(other).digest('hex'))
    expect((await show(secondDoc.id, meClerk)).header).toMatchObject({
      type: 'Công văn',
      notation: '77/STP-VP',
    })
  })

  it('refuses packages not addressed to the agency, from unknown senders, malformed or unbounded, storing nothing', async () => {
    const before = await documentCount()
    const pdf = (await app.pdf({ text: 'khong gui toi' })).toString()
    const elsewhere = await post(
      fixture('addressed-elsewhere.edxml', { PDF_BASE64: Buffer.from(pdf).toString('base64') }),
      meClerk,
    )
    expect(elsewhere.status).toBe(403)
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toContain(ME)
    // the vendor package is addressed to Sở Tài chính, not to Sở Y tế
    const notMine = await post(
      fixture('vendor-sdk-new.edxml', { PDF_BASE64: receivedPdf.toString('base64') }),
      elseClerk,
    )
    expect(notMine.status).toBe(403)
    const unknownSender = fixture('vendor-sdk-new.edxml', {
      PDF_BASE64: receivedPdf.toString('base64'),
    }).replace('<edXML:OrganId>000.00.10.G09</edXML:OrganId>', '<edXML:OrganId>000.00.11.G09</edXML:OrganId>')
    const unknown = await post(unknownSender, meClerk)
    expect(unknown.status).toBe(422)
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      '000.00.11.G09',
    )
    expect((await post(fixture('malformed.edxml'), meClerk)).status).toBe(400)
    const notBase64 = await post(
      fixture('vendor-sdk-new.edxml', { PDF_BASE64: 'JVBERi0x*&^%$#@!LjcK' }),
      meClerk,
    )
    expect(notBase64.status).toBe(400)
    expect(((await notBase64.json()) as { error: { message: string } }).error.message).toContain('base64')
    const bomb = await post(fixture('entity-expansion.edxml'), meClerk)
    expect(bomb.status).toBe(400)
    expect((await bomb.text()).length).toBeLessThan(2048)
    const many = fixture('vendor-sdk-new.edxml', { PDF_BASE64: receivedPdf.toString('base64') }).replace(
      '<AttachmentEncoded>',
      `<AttachmentEncoded>${'<Attachment><ContentId>x</ContentId><ContentTransferEncoded>eA==</ContentTransferEncoded></Attachment>'.repeat(21)}`,
    )
    expect((await post(many, meClerk)).status).toBe(413)
    const badType = fixture('revoke.edxml').replace(
      '<edXML:BussinessDocType>1</edXML:BussinessDocType>',
      '<edXML:BussinessDocType>7</edXML:BussinessDocType>',
    )
    expect((await post(badType, meClerk)).status).toBe(422)
    expect(await documentCount()).toBe(before)
  })

  it('applies update, replace and revoke packages from the sender to the earlier document, audited', async () => {
    const updated = await post(fixture('update.edxml'), meClerk)
    expect(updated.status).toBe(200)
    expect(((await updated.json()) as { changed: string[] }).changed.sort()).toEqual(['dueDate', 'subject'])
    const afterUpdate = await show(received.id, meClerk)
    expect(afterUpdate.subject).toBe('Về việc công bố thủ tục hành chính lĩnh vực hộ tịch và chứng thực')
    expect(afterUpdate.header['dueDate']).toBe('2026-12-31')
    const [updateAudit] = await audits('document.update_header', received.id)
    expect(updateAudit?.detail).toMatchObject({
      reason: 'Bổ sung lĩnh vực chứng thực vào trích yếu',
      changed: { dueDate: { before: '2026-12-15', after: '2026-12-31' } },
    })

    const replacement = await signedByOther('Quyet dinh 124 STP thay the')
    const replaced = await post(
      fixture('replace.edxml', { PDF_BASE64: replacement.toString('base64') }),
      meClerk,
    )
    expect(replaced.status).toBe(201)
    const newer = (await replaced.json()) as Doc
    expect(newer.replaces).toBe(received.id)
    const earlier = await show(received.id, meClerk)
    expect(earlier).toMatchObject({
      state: 'replaced',
      replacedBy: newer.id,
      stateReason: 'Thay thế do sai sót về danh mục thủ tục',
    })
    expect((await show(newer.id, meClerk)).replaces).toBe(received.id)
    expect(await audits('document.replace', received.id)).toHaveLength(1)
    // the replacing document exports as BussinessDocType 3 naming the replaced one
    const exported = await (
      await app.request(`/v1/documents/${newer.id}/edxml`, { headers: app.auth(meClerk) })
    ).text()
    const bussiness =
      parse(exported).edXML['edXML:edXMLEnvelope']['edXML:edXMLHeader']['edXML:TraceHeaderList'][
        'edXML:Bussiness'
      ]
    expect(bussiness['edXML:BussinessDocType']).toBe('3')
    expect(bussiness['edXML:DocumentId']).toBe(`${OTHER},2026/11/20,123/QĐ-STP`)

    // another agency cannot revoke it through a package addressed to Sở Tài chính
    expect((await post(fixture('revoke.edxml'), elseClerk)).status).toBe(403)
    const unknownRef = fixture('revoke.edxml').replaceAll(
      '2026/11/25,124/QĐ-STP</edXML:DocumentId>\n          <edXML:Paper>',
      '2026/11/25,999/QĐ-STP</edXML:DocumentId>\n          <edXML:Paper>',
    )
    expect((await post(unknownRef, meClerk)).status).toBe(404)
    // addressed to Sở Y tế, which never received the document: it is not theirs to revoke
    const toElse = fixture('revoke.edxml').replace(
      `<edXML:OrganId>${ME}</edXML:OrganId>`,
      `<edXML:OrganId>${ELSE}</edXML:OrganId>`,
    )
    expect((await post(toElse, elseClerk)).status).toBe(404)
    expect((await show(newer.id, meClerk)).state).toBe('active')
    const revoked = await post(fixture('revoke.edxml'), meClerk)
    expect(revoked.status).toBe(200)
    expect(await revoked.json()).toMatchObject({ id: newer.id, state: 'revoked', businessDocType: 1 })
    expect(await show(newer.id, meClerk)).toMatchObject({
      state: 'revoked',
      stateReason: 'Ban hành không đúng thẩm quyền',
    })
    expect((await post(fixture('revoke.edxml'), meClerk)).status).toBe(200)
    expect(await audits('document.revoke', newer.id)).toHaveLength(1)
    // the inbox shows both states
    const inbox = (await (
      await app.request('/v1/documents?box=inbox', { headers: app.auth(meClerk) })
    ).json()) as { results: { id: string; state: string }[] }
    expect(inbox.results.find((r) => r.id === newer.id)?.state).toBe('revoked')
    expect(inbox.results.find((r) => r.id === received.id)?.state).toBe('replaced')
  })

  it('consumes status packages in both layouts into the sender’s view, ignoring stale ones', async () => {
    const doc = await sentUnsigned(meClerk, 'Thong bao 45', [OTHER], {
      notation: '45/TB-STC',
      promulgatedAt: '2026-11-27',
      type: 'Thông báo',
    })
    const now = () => toEdxmlTimestamp(new Date(Date.now() + 1000))
    const accepted = await post(
      fixture('status-03.edxml', { NOW: now() }),
      meClerk,
      '/v1/documents/edxml/status',
    )
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toEqual({ id: doc.id, agencyCode: OTHER, status: '03', applied: true })
    const seen = await show(doc.id, meClerk)
    expect(seen.recipients.find((r) => r.agencyCode === OTHER)?.status).toBe('03')
    expect(seen.events.at(-1)?.note).toContain('Trần Thị Bình')
    const [statusAudit] = await audits('document.status_edxml', doc.id)
    expect(statusAudit?.detail).toMatchObject({
      status: '03',
      staffInfo: {
        department: 'Văn phòng Sở',
        staff: 'Trần Thị Bình',
        mobile: '0912345678',
        email: 'binhtt@hanam.gov.vn',
      },
    })
    // the older SOAP layout, through the general import endpoint
    const soap = await post(
      fixture('status-soap-05.edxml', { NOW: toEdxmlTimestamp(new Date(Date.now() + 2000)) }),
      meClerk,
    )
    expect(soap.status).toBe(200)
    expect(((await soap.json()) as { status: string }).status).toBe('05')
    // a package older than the last change is acknowledged and not applied
    const stale = await post(
      fixture('status-03.edxml', { NOW: '2026/01/02 08:00:00' }),
      meClerk,
      '/v1/documents/edxml/status',
    )
    expect(await stale.json()).toMatchObject({ status: '05', applied: false })
    expect((await show(doc.id, meClerk)).recipients.find((r) => r.agencyCode === OTHER)?.status).toBe('05')
    // answers to another agency's document, a document package on the status route, a bad code
    expect(
      (await post(fixture('status-03.edxml', { NOW: now() }), elseClerk, '/v1/documents/edxml/status'))
        .status,
    ).toBe(403)
    expect((await post(fixture('revoke.edxml'), meClerk, '/v1/documents/edxml/status')).status).toBe(400)
    const badCode = fixture('status-03.edxml', { NOW: now() }).replace(
      '<edXML:StatusCode>03',
      '<edXML:StatusCode>13',
    )
    expect((await post(badCode, meClerk, '/v1/documents/edxml/status')).status).toBe(422)
  })

  it('produces a status package when a received document changes status, which the sender consumes', async () => {
    const incoming = await signedByOther('Cong van 88 STP')
    const xml = fixture('vendor-sdk-new.edxml', { PDF_BASE64: incoming.toString('base64') })
      .replaceAll('123/QĐ-STP', '88/QĐ-STP')
      .replace('<edXML:CodeNumber>123</edXML:CodeNumber>', '<edXML:CodeNumber>88</edXML:CodeNumber>')
    const doc = (await (await post(xml, meClerk)).json()) as Doc
    const changed = await app.request(`/v1/documents/${doc.id}/status`, {
      method: 'POST',
      headers: { ...app.auth(meClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: '03', note: 'Đã vào sổ văn bản đến số 15' }),
    })
    expect(changed.status).toBe(200)
    const res = await app.request(`/v1/documents/${doc.id}/edxml/status`, { headers: app.auth(meClerk) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/xml')
    const produced = await res.text()
    const mh = parse(produced).edXML['edXML:edXMLEnvelope']['edXML:edXMLHeader']['edXML:MessageHeader']
    expect(mh['edXML:ResponseFor']).toMatchObject({
      'edXML:OrganId': OTHER,
      'edXML:Code': '88/QĐ-STP',
      'edXML:PromulgationDate': '2026/11/20',
      'edXML:DocumentId': `${OTHER},2026/11/20,88/QĐ-STP`,
    })
    expect(mh['edXML:From']['edXML:OrganId']).toBe(ME)
    expect(mh['edXML:StatusCode']).toBe('03')
    expect(mh['edXML:Description']).toBe('Đã vào sổ văn bản đến số 15')
    expect(mh['edXML:Timestamp']).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(mh['edXML:StaffInfo']).toMatchObject({
      'edXML:Staff': 'Nguyễn Thị Mai',
      'edXML:Department': 'Sở Tài chính tỉnh Hà Nam',
    })
    // the sender cannot produce a recipient's status package
    expect(
      (await app.request(`/v1/documents/${doc.id}/edxml/status`, { headers: app.auth(otherClerk) })).status,
    ).toBe(403)
    // the sender's system reads it back
    const consumed = await post(produced, otherClerk, '/v1/documents/edxml/status')
    expect(consumed.status).toBe(200)
    expect(await consumed.json()).toMatchObject({ id: doc.id, agencyCode: ME, status: '03' })
  })

  it('exports the SDK layout: number and notation apart, DocumentType codes, SignerInfo, contact details, axis dates', async () => {
    const admin = await app.official(ME, 'system_admin', 'Quản trị')
    const created = await app.request('/v1/agencies', {
      method: 'POST',
      headers: { ...app.auth(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        code: SXD,
        name: 'Sở Xây dựng tỉnh Hà Nam',
        organizationInCharge: 'UBND tỉnh Hà Nam',
        address: 'Số 3 đường Trường Chinh, Phủ Lý, Hà Nam',
        email: 'sxd@hanam.gov.vn',
        telephone: '02263853100',
        fax: '02263853101',
        website: 'https://sxd.hanam.gov.vn',
      }),
    })
    expect(created.status).toBe(201)
    const sxdClerk = await app.official(SXD, 'clerk', 'Văn thư Sở Xây dựng')
    const doc = await sentUnsigned(sxdClerk, 'Cong van 123 SXD', [ME], {
      notation: '123/SXD-VP',
      type: 'Công văn',
      subject: 'Về việc góp ý dự thảo quy hoạch',
      signerName: 'Trần Văn Dũng',
      signerCompetence: 'KT. GIÁM ĐỐC',
      signerPosition: 'PHÓ GIÁM ĐỐC',
      dueDate: '2026-12-10',
      priority: 'very_urgent',
      steeringType: '2',
    })
    const xml = await (
      await app.request(`/v1/documents/${doc.id}/edxml`, { headers: app.auth(sxdClerk) })
    ).text()
    const root = parse(xml).edXML
    expect(root['@_xmlns']).toBe('http://www.mic.gov.vn/TBT/QCVN_102_2016')
    const envelope = root['edXML:edXMLEnvelope']
    const mh = envelope['edXML:edXMLHeader']['edXML:MessageHeader']
    expect(mh['edXML:Code']).toEqual({ 'edXML:CodeNumber': '123', 'edXML:CodeNotation': 'SXD-VP' })
    expect(mh['edXML:DocumentType']).toEqual({
      'edXML:Type': '1',
      'edXML:TypeDetail': '18',
      'edXML:TypeName': 'Công văn',
    })
    expect(mh['edXML:SignerInfo']).toEqual({
      'edXML:Competence': 'KT. GIÁM ĐỐC',
      'edXML:Position': 'PHÓ GIÁM ĐỐC',
      'edXML:FullName': 'Trần Văn Dũng',
    })
    expect(mh['edXML:From']).toEqual({
      'edXML:OrganId': SXD,
      'edXML:OrganizationInCharge': 'UBND tỉnh Hà Nam',
      'edXML:OrganName': 'Sở Xây dựng tỉnh Hà Nam',
      'edXML:OrganAdd': 'Số 3 đường Trường Chinh, Phủ Lý, Hà Nam',
      'edXML:Email': 'sxd@hanam.gov.vn',
      'edXML:Telephone': '02263853100',
      'edXML:Fax': '02263853101',
      'edXML:Website': 'https://sxd.hanam.gov.vn',
    })
    expect(mh['edXML:To'][0]['edXML:OrganId']).toBe(ME)
    expect(mh['edXML:PromulgationInfo']).toEqual({
      'edXML:Place': 'Hà Nội',
      'edXML:PromulgationDate': '2026/11/20',
    })
    expect(mh['edXML:DueDate']).toBe('2026/12/10')
    expect(mh['edXML:OtherInfo']['edXML:Priority']).toBe('2')
    expect(mh['edXML:SteeringType']).toBe('2')
    expect(mh['edXML:DocumentId']).toBe(`${SXD},2026/11/20,123/SXD-VP`)
    const trace = envelope['edXML:edXMLHeader']['edXML:TraceHeaderList']['edXML:TraceHeader']
    expect(trace['edXML:Timestamp']).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/)
    // the attachment beside the envelope, its ContentId without cid:, the manifest's with it
    expect(envelope['edXML:AttachmentEncoded']).toBeUndefined()
    const attachment = root.AttachmentEncoded.Attachment
    expect(attachment.ContentId).not.toMatch(/^cid:/)
    expect(envelope['edXML:edXMLBody']['edXML:edXMLManifest']['edXML:Reference']['edXML:ContentId']).toBe(
      `cid:${attachment.ContentId}`,
    )
    // the recipient imports the exported package: the document it already has
    const back = await post(xml, meClerk)
    expect(back.status).toBe(200)
    expect(((await back.json()) as Doc).id).toBe(doc.id)
  })
})
