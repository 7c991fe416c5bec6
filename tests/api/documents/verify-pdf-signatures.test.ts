import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CertificateAuthority,
  initCertificateAuthority,
} from '../../../api/documents/init-certificate-authority.ts'
import { issueCertificate } from '../../../api/documents/issue-certificate.ts'
import { createSignatureVerifier } from '../../../api/documents/verify-pdf-signatures.ts'
import { makePdf, makeSignerKey, pdfsig } from '../../helpers/documents-fixtures.ts'
import { type LocalSigner, signLocally } from '../../helpers/documents-signer.ts'

const subject = {
  officialId: 'o-1',
  name: 'Hoàng Văn Ký',
  agencyCode: '000.00.01.H56',
  agencyName: 'Sở Nội vụ',
}

const signerFrom = async (
  ca: CertificateAuthority,
  options: { now?: Date; days?: number } = {},
): Promise<LocalSigner> => {
  const key = await makeSignerKey(subject.name)
  const issued = await issueCertificate({ ca, csrPem: key.csrPem, subject, ...options })
  const der = new Uint8Array(issued.der)
  return {
    token: '',
    name: subject.name,
    privateKey: key.keys.privateKey,
    cert: pkijs.Certificate.fromBER(der),
    der,
  }
}

describe('verifying PDF signatures', () => {
  let dir: string, trusted: CertificateAuthority, stranger: CertificateAuthority

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-verify-'))
    trusted = await initCertificateAuthority({ dir: join(dir, 'trusted') })
    stranger = await initCertificateAuthority({ dir: join(dir, 'stranger'), name: 'CA lạ' })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('accepts two valid signatures chained to a trust root, in role order', async () => {
    const verifier = createSignatureVerifier({ trustRoots: [trusted.x509] })
    const s = await signerFrom(trusted)
    const pdf = await signLocally(
      await signLocally(await makePdf(), s, 'approver', trusted),
      s,
      'organisation',
      trusted,
    )
    const v = verifier.verify(pdf)
    expect(v.status).toBe('signed_valid')
    expect(v.rolesComplete).toBe(true)
    expect(v.signatures.map((x) => [x.role, x.signerName, x.coversWholeDocument])).toEqual([
      ['approver', 'Hoàng Văn Ký', false],
      ['organisation', 'Hoàng Văn Ký', true],
    ])
  })

  it('marks a signature from an untrusted CA invalid although pdfsig finds it cryptographically sound', async () => {
    const verifier = createSignatureVerifier({ trustRoots: [trusted.x509] })
    const pdf = await signLocally(await makePdf(), await signerFrom(stranger), 'approver', stranger)
    expect(await pdfsig(pdf, dir)).toContain('Signature is Valid')
    const v = verifier.verify(pdf)
    expect(v.status).toBe('signed_invalid')
    expect(v.signatures[0]).toMatchObject({ integrity: true, chainValid: false })
  })

  it('marks a signature made after the certificate expired invalid', async () => {
    const verifier = createSignatureVerifier({ trustRoots: [trusted.x509] })
    const expired = await signerFrom(trusted, { now: new Date(Date.now() - 10 * 86_400_000), days: 1 })
    const v = verifier.verify(await signLocally(await makePdf(), expired, 'approver', trusted))
    expect(v.status).toBe('signed_invalid')
    expect(v.signatures[0]).toMatchObject({ integrity: true, chainValid: true, validAtSigningTime: false })
  })

  it('reports an unsigned PDF as unsigned', async () => {
    const v = createSignatureVerifier({ trustRoots: [trusted.x509] }).verify(await makePdf())
    expect(v).toMatchObject({ status: 'unsigned', signatures: [], rolesComplete: false })
  })

  it('reports an approver-only document as valid but not complete', async () => {
    const s = await signerFrom(trusted)
    const v = createSignatureVerifier({ trustRoots: [trusted.x509] }).verify(
      await signLocally(await makePdf(), s, 'approver', trusted),
    )
    expect(v).toMatchObject({ status: 'signed_valid', rolesComplete: false })
  })
})
