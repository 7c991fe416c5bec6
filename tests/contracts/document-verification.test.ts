import { describe, expect, it } from 'vitest'
import { readStoredVerification, type SenderVerification } from '../../contracts/document-verification.ts'

const CURRENT: SenderVerification = {
  status: 'signed_valid',
  signatures: [
    {
      role: 'organisation',
      roleSource: 'certificate',
      signerName: 'UBND tỉnh Hà Nam',
      certificateSerial: '0C',
      signedAt: '2026-12-01T02:00:00.000Z',
      signedAtLocal: '2026-12-01T09:00:00.000+07:00',
      padesBaseline: true,
      level: 'B-T',
      timestampValid: true,
      timestampedAt: '2026-12-01T02:00:01.000Z',
      timestampedAtLocal: '2026-12-01T09:00:01.000+07:00',
      timestampAuthority: 'CN=TSA',
      revokedAt: '2026-12-02T00:00:00.000Z',
      revocation: 'after_signing',
      integrity: true,
      chainValid: true,
      validAtSigningTime: true,
      coversWholeDocument: true,
      revisionLength: 4096,
      changesAfter: ['trang 1'],
      roleValid: true,
      problems: [],
      signerAgency: '000.00.01.H56',
    },
  ],
  rolesComplete: true,
  checkedAt: '2026-12-01T02:00:02.000Z',
  problems: ['ngân sách thời gian'],
  ownApproval: true,
  approvalNotes: ['ghi chú'],
}

describe('readStoredVerification', () => {
  it('keeps a verdict of the current shape exactly as stored', () => {
    expect(readStoredVerification(structuredClone(CURRENT))).toEqual(CURRENT)
  })

  it('refuses a value that is not a verdict instead of passing it on', () => {
    expect(() => readStoredVerification({ status: 'signed_valid' } as never)).toThrow()
  })
})
