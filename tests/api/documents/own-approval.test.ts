import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createDocumentsTestApp,
  type DocumentsTestApp,
  header,
  type Official,
  signPdf,
  submit,
} from '../../helpers/documents-app.ts'
import { makePdf } from '../../helpers/documents-fixtures.ts'

const HOME = '000.00.01.H56'
const OTHER = '000.00.02.H56'
const TO = '000.00.03.H56'

type Doc = {
  signatureStatus: string
  verification: {
    status: string
    rolesComplete: boolean
    ownApproval: boolean
    approvalNotes: string[]
    signatures: { role: string; signerAgency: string | null }[]
  }
}
type Stats = { agencies: { agencyCode: string; sent: number; signedValid: number }[] }

describe("another agency's approver is not the sending agency's approval", () => {
  let app: DocumentsTestApp
  let clerk: Official
  let approver: Official
  let foreignApprover: Official
  let keys: Record<string, { privateKey: CryptoKey; serial: string }>

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency(HOME, 'Sở Tư pháp tỉnh Hà Nam')
    await app.agency(OTHER, 'Sở Tài chính tỉnh Hà Nam')
    await app.agency(TO, 'Văn phòng UBND tỉnh')
    clerk = await app.official(HOME, 'clerk', 'Văn thư Sở Tư pháp')
    approver = await app.official(HOME, 'approver', 'Giám đốc Sở Tư pháp')
    foreignApprover = await app.official(OTHER, 'approver', 'Giám đốc Sở Tài chính')
    keys = {
      clerk: await app.enrol(clerk),
      approver: await app.enrol(approver),
      foreign: await app.enrol(foreignApprover),
    }
  })
  afterAll(() => app.close())

  const signedBy = async (who: Official, key: { privateKey: CryptoKey; serial: string }, text: string) =>
    signPdf(
      app,
      clerk,
      keys['clerk']!,
      await signPdf(app, who, key, await makePdf({ text }), 'approver'),
      'organisation',
    )

  it('says so in the verdict and counts only own-agency complete approvals on /v1/stats/paperless and /minh-bach', async () => {
    const foreign = await submit(
      app,
      clerk,
      await signedBy(foreignApprover, keys['foreign']!, 'ngoai'),
      header([TO]),
    )
    expect(foreign.status).toBe(201)
    const doc = (await foreign.json()) as Doc
    // the signatures themselves are valid and shown as such
    expect(doc.signatureStatus).toBe('signed_valid')
    expect(doc.verification).toMatchObject({
      status: 'signed_valid',
      rolesComplete: true,
      ownApproval: false,
    })
    expect(doc.verification.signatures.map((s) => [s.role, s.signerAgency])).toEqual([
      ['approver', OTHER],
      ['organisation', HOME],
    ])
    expect(doc.verification.approvalNotes.join(' ')).toMatch(
      /thuộc cơ quan 000\.00\.02\.H56, không phải cơ quan gửi/,
    )

    const own = await submit(
      app,
      clerk,
      await signedBy(approver, keys['approver']!, 'cua minh'),
      header([TO]),
    )
    expect(own.status).toBe(201)
    expect(((await own.json()) as Doc).verification).toMatchObject({ ownApproval: true, approvalNotes: [] })

    // approver only: valid, but not complete
    const half = await signPdf(
      app,
      approver,
      keys['approver']!,
      await makePdf({ text: 'mot nua' }),
      'approver',
    )
    const partial = await submit(app, clerk, half, header([TO]))
    expect(partial.status).toBe(201)
    expect(((await partial.json()) as Doc).verification).toMatchObject({
      status: 'signed_valid',
      ownApproval: false,
    })

    const stats = (await (await app.request('/v1/stats/paperless')).json()) as Stats
    expect(stats.agencies.find((a) => a.agencyCode === HOME)).toMatchObject({ sent: 3, signedValid: 1 })
    const page = await (await app.request('/minh-bach')).text()
    expect(page).toContain('1/3')
  })
})
