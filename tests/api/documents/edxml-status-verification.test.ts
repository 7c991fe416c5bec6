import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toEdxmlTimestamp } from '../../../api/documents/edxml-format.ts'
import type { DocumentsTestApp, Official } from '../../helpers/documents-app.ts'
import { authHeader, createDocumentsTestApp, header, submit } from '../../helpers/documents-app.ts'
import { makePdf } from '../../helpers/documents-fixtures.ts'

/** the sending agency (ResponseFor/OrganId of the fixture) and its recipient (From/OrganId) */
const ME = '000.00.02.H56'
const OTHER = '000.00.10.G09'
const ELSE = '000.00.03.H56'

const fixture = (values: Record<string, string>) => {
  let xml = readFileSync(new URL('../../fixtures/edxml/status-03.edxml', import.meta.url), 'utf8')
  for (const [k, v] of Object.entries(values)) xml = xml.replaceAll(`{{${k}}}`, v)
  return xml
}
const soon = (ms = 1000) => toEdxmlTimestamp(new Date(Date.now() + ms))
/** The genuine package, dated a second from now, with one element's value changed. */
const altered = (element: string, from: string, to: string) => {
  const xml = fixture({ NOW: soon() })
  const genuine = `<edXML:${element}>${from}</edXML:${element}>`
  if (!xml.includes(genuine)) throw new Error(`the fixture has no ${genuine}`)
  return xml.replace(genuine, `<edXML:${element}>${to}</edXML:${element}>`)
}

// Status packages are not stored: GET …/edxml/status builds one from the recipient's latest status
// event, and a package received is applied to the sender's view only when it names that very
// document (DocumentId, and its Code and PromulgationDate when given), comes from one of its
// recipients, and is not dated in the future.
describe('a status package received is checked against its document and its sender', () => {
  let app: DocumentsTestApp, meClerk: Official, id: string

  const post = (xml: string) =>
    app.request('/v1/documents/edxml/status', {
      method: 'POST',
      headers: { ...authHeader(meClerk), 'Content-Type': 'application/xml' },
      body: xml,
    })
  const statusOf = async () => {
    const res = await app.request(`/v1/documents/${id}`, { headers: authHeader(meClerk) })
    const body = (await res.json()) as { recipients: { agencyCode: string; status: string }[] }
    return body.recipients.find((r) => r.agencyCode === OTHER)?.status
  }
  const refused = async (xml: string, status: number, says: string) => {
    const res = await post(xml)
    expect(res.status, await res.clone().text()).toBe(status)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(says)
    expect(await statusOf()).toBe('01')
  }

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency(ME, 'Sở Tài chính tỉnh Hà Nam')
    await app.agency(OTHER, 'Sở Tư pháp tỉnh Hà Nam')
    await app.agency(ELSE, 'Sở Y tế tỉnh Hà Nam')
    meClerk = await app.official(ME, 'clerk', 'Nguyễn Thị Mai')
    const sent = await submit(
      app,
      meClerk,
      await makePdf({ text: 'Thong bao 45' }),
      header([OTHER], {
        notation: '45/TB-STC',
        promulgatedAt: '2026-11-27',
        type: 'Thông báo',
        allowUnsigned: true,
      }),
    )
    expect(sent.status).toBe(201)
    id = ((await sent.json()) as { id: string }).id
  })
  afterAll(() => app.close())

  it('refuses a package whose number/notation or date is not the document’s', async () => {
    await refused(altered('Code', '45/TB-STC', '46/TB-STC'), 422, 'không phải số, ký hiệu của văn bản')
    await refused(
      altered('PromulgationDate', '2026/11/27', '2026/11/28'),
      422,
      'khác ngày ban hành của văn bản',
    )
  })

  it('refuses a package from an agency the document was not sent to, or answering another agency’s document', async () => {
    await refused(altered('OrganId', OTHER, ELSE), 404, `gửi tới ${ELSE}`)
    await refused(altered('OrganId', ME, ELSE), 403, `văn bản của ${ELSE}`)
  })

  it('refuses a package dated in the future, which would make every later package look stale', async () => {
    await refused(fixture({ NOW: soon(24 * 3600_000) }), 422, 'ở tương lai')
    // the genuine package still applies afterwards
    const ok = await post(fixture({ NOW: soon() }))
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ id, agencyCode: OTHER, status: '03', applied: true })
    expect(await statusOf()).toBe('03')
  })
})
