import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Key, type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

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
  let app: Scenario, clerk: Official, approver: Official, foreignApprover: Official, keys: Record<string, Key>

  beforeAll(async () => {
    app = await startScenario({
      agencies: [
        [HOME, 'Sở Tư pháp tỉnh Hà Nam'],
        [OTHER, 'Sở Tài chính tỉnh Hà Nam'],
        [TO, 'Văn phòng UBND tỉnh'],
      ],
    })
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

  const signedBy = async (who: Official, key: Key, text: string) =>
    app.sign(
      clerk,
      keys['clerk']!,
      await app.sign(who, key, await app.pdf({ text }), 'approver'),
      'organisation',
    )

  it('says so in the verdict and counts only own-agency complete approvals on /v1/stats/paperless and /minh-bach', async () => {
    const foreign = await app.submit(
      clerk,
      await signedBy(foreignApprover, keys['foreign']!, 'ngoai'),
      app.header([TO]),
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

    const own = await app.submit(
      clerk,
      await signedBy(approver, keys['approver']!, 'cua minh'),
      app.header([TO]),
    )
    expect(own.status).toBe(201)
    expect(((await own.json()) as Doc).verification).toMatchObject({ ownApproval: true, approvalNotes: [] })

    // approver only: valid, but not complete
    const half = await app.sign(approver, keys['approver']!, await app.pdf({ text: 'mot nua' }), 'approver')
    const partial = await app.submit(clerk, half, app.header([TO]))
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
