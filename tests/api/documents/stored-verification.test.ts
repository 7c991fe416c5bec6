/**
 * A verdict stored by an older version (before timestamps, revocation, revision checks and the
 * sender's own approval were recorded) still reads as a complete verdict when the same PDF is
 * sent again.
 * @module
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const SENDER = '000.00.01.H56'
const A = '000.00.02.H56'
const B = '000.00.03.H56'

/** What the first release wrote in `documents.verification`. */
const FIRST_RELEASE_VERIFICATION = {
  status: 'unsigned',
  signatures: [
    {
      role: 'approver',
      signerName: 'Nguyễn Văn A',
      certificateSerial: '0A1B',
      signedAt: '2026-11-20T02:00:00.000Z',
      integrity: true,
      chainValid: false,
      validAtSigningTime: true,
      coversWholeDocument: true,
      roleValid: null,
      problems: ['Chứng thư số không chuỗi tới gốc tin cậy.'],
    },
  ],
  rolesComplete: false,
  checkedAt: '2026-11-22T08:00:00.000Z',
}

/** Signature fields added since the first release that read as null when a stored verdict lacks them. */
const NULL_WHEN_MISSING = [
  'roleSource',
  'signedAtLocal',
  'level',
  'timestampValid',
  'timestampedAt',
  'timestampedAtLocal',
  'timestampAuthority',
  'revokedAt',
  'revocation',
  'revisionLength',
  'signerAgency',
]

describe('a verdict stored by an older version', () => {
  let app: Scenario
  let clerk: Official

  beforeAll(async () => {
    app = await startScenario({
      agencies: [
        [SENDER, 'UBND tỉnh Hà Nam'],
        [A, 'Sở A', SENDER],
        [B, 'Sở B', SENDER],
      ],
    })
    clerk = await app.official(SENDER, 'clerk')
  })
  afterAll(() => app.close())

  it('is read in the current shape, the missing fields at their defaults', async () => {
    const pdf = await app.pdf({ text: 'ban cu' })
    const first = await app.submit(clerk, pdf, app.header([A], { allowUnsigned: true }))
    expect(first.status).toBe(201)
    const { id } = (await first.json()) as { id: string }
    await app.t.db.$client.execute({
      sql: 'UPDATE documents SET verification = ? WHERE id = ?',
      args: [JSON.stringify(FIRST_RELEASE_VERIFICATION), id],
    })

    const again = await app.submit(clerk, pdf, app.header([A, B], { allowUnsigned: true }))
    expect(again.status).toBe(200)
    const doc = (await again.json()) as { added: string[]; verification: Record<string, unknown> }
    expect(doc.added).toEqual([B])
    expect(doc.verification).toEqual({
      ...FIRST_RELEASE_VERIFICATION,
      ownApproval: false,
      approvalNotes: [],
      signatures: [
        {
          ...FIRST_RELEASE_VERIFICATION.signatures[0],
          ...Object.fromEntries(NULL_WHEN_MISSING.map((field) => [field, null])),
          padesBaseline: false,
          changesAfter: [],
        },
      ],
    })
  })
})
