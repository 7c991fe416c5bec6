import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addSignaturePlaceholder,
  embedSignature,
  SIGNATURE_CAPACITY,
} from '../../../api/documents/add-signature-placeholder.ts'
import {
  type CertificateAuthority,
  initCertificateAuthority,
} from '../../../api/documents/init-certificate-authority.ts'
import { OID } from '../../../api/documents/pki-encoding.ts'
import { createSignatureVerifier } from '../../../api/documents/verify-pdf-signatures.ts'
import { makePdf, pdfsig } from '../../helpers/documents-fixtures.ts'
import { type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { type LocalSigner, makeCertifiedSigner, signPrepared } from '../../helpers/documents-signer.ts'

const contentsOf = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/Contents <([0-9A-Fa-f]+)>/g)].map((m) => m[1] ?? '')

const signerInfoOf = (hex: string) => {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(Buffer.from(hex, 'hex')).content })
  return signed.signerInfos[0] as pkijs.SignerInfo
}

describe('PAdES baseline B-B signatures from the signing API', () => {
  let app: Scenario

  beforeAll(async () => {
    app = await startScenario({
      agencies: { '000.00.01.H56': 'UBND tỉnh Hà Nam', '000.00.02.H56': 'Sở Tư pháp' },
    })
  })
  afterAll(() => app.close())

  it('signs with content-type, message-digest and signing-certificate-v2, no signing-time, the time in /M (+07:00)', async () => {
    const approver = await app.official('000.00.01.H56', 'approver', 'Phó Chủ tịch')
    const clerk = await app.official('000.00.01.H56', 'clerk', 'Văn thư')
    const before = new Date(Math.floor(Date.now() / 1000) * 1000)
    const once = await app.sign(approver, await app.enrol(approver), await app.pdf(), 'approver')
    const twice = await app.sign(clerk, await app.enrol(clerk), once, 'organisation')

    const contents = contentsOf(twice)
    expect(contents).toHaveLength(2)
    for (const hex of contents) {
      // room for an RSA chain and a timestamp token
      expect(hex.length).toBeGreaterThanOrEqual(2 * 16384)
      const attrs = signerInfoOf(hex).signedAttrs?.attributes.map((a) => a.type) ?? []
      expect(attrs.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort())
      expect(attrs).not.toContain(OID.signingTime)
    }
    const times = [...twice.toString('latin1').matchAll(/\/M \(D:(\d{14})\+07'00'\)/g)].map((m) => m[1])
    expect(times).toHaveLength(2)

    const res = await app.submit(clerk, twice, app.header(['000.00.02.H56']))
    const body = (await res.json()) as {
      signatureStatus: string
      verification: { signatures: { signedAt: string; signedAtLocal: string; padesBaseline: boolean }[] }
    }
    expect(body.signatureStatus).toBe('signed_valid')
    for (const [i, s] of body.verification.signatures.entries()) {
      expect(s.padesBaseline).toBe(true)
      const at = new Date(s.signedAt)
      expect(at.getTime()).toBeGreaterThanOrEqual(before.getTime())
      expect(at.getTime()).toBeLessThan(Date.now() + 1000)
      // the local form shows the same instant as /M, in Vietnam's time
      expect(s.signedAtLocal).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
      expect(new Date(s.signedAtLocal).getTime()).toBe(at.getTime())
      expect(s.signedAtLocal.replace(/\D/g, '').slice(0, 14)).toBe(times[i])
    }
    expect((await pdfsig(twice, app.t.dir)).match(/Signature is Valid/g)).toHaveLength(2)
  })
})

describe('verifying what the signature states', () => {
  let dir: string, ca: CertificateAuthority, signer: LocalSigner, other: LocalSigner

  const signerFrom = (name: string) => makeCertifiedSigner({ ca, name, agencyName: 'Sở Nội vụ' })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-pades-'))
    ca = await initCertificateAuthority({ dir: join(dir, 'ca') })
    signer = await signerFrom('Lê Văn Ký')
    other = await signerFrom('Người Khác')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** signs with `signer`'s key; the ESS attribute names `essFor`; digests with `hash` */
  const sign = async (essFor: LocalSigner, hash: 'SHA-256' | 'SHA-384' = 'SHA-256') => {
    const prep = await addSignaturePlaceholder({
      pdf: await makePdf(),
      role: 'approver',
      signerName: signer.name,
      signingTime: new Date(),
    })
    const cms = await signPrepared({ prep, signer, ca, essFor, hash })
    expect(cms.length).toBeLessThan(SIGNATURE_CAPACITY)
    return embedSignature(prep.pdf, prep.byteRange, cms)
  }

  it('reads the digest algorithm from the signature (SHA-384) instead of assuming SHA-256', async () => {
    const pdf = await sign(signer, 'SHA-384')
    expect(await pdfsig(pdf, dir)).toContain('Signature is Valid')
    const v = createSignatureVerifier({ trustRoots: [ca.x509] }).verify(pdf)
    expect(v.status).toBe('signed_valid')
    expect(v.signatures[0]).toMatchObject({ integrity: true, padesBaseline: true })
  })

  it('refuses a signature whose signing-certificate-v2 names another certificate', async () => {
    const v = createSignatureVerifier({ trustRoots: [ca.x509] }).verify(await sign(other))
    expect(v.status).toBe('signed_invalid')
    expect(v.signatures[0]?.integrity).toBe(false)
    expect(v.signatures[0]?.problems).toContain(
      'Thuộc tính signing-certificate-v2 không khớp với chứng thư của người ký.',
    )
  })
})
