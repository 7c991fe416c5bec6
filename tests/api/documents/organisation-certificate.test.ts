import { createHash, X509Certificate } from 'node:crypto'
import * as pkijs from 'pkijs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  addSignaturePlaceholder,
  embedSignature,
  signedBytes,
} from '../../../api/documents/add-signature-placeholder.ts'
import { assembleCms, buildSignedAttributes } from '../../../api/documents/build-cms-signature.ts'
import {
  ecdsaSignatureToDer,
  fromPem,
  nameValue,
  OID,
  ROLE_POLICY,
} from '../../../api/documents/pki-encoding.ts'
import {
  certificatePolicies,
  isOrganisationCertificate,
} from '../../../api/documents/read-certificate-policies.ts'
import { oidBytes } from '../../../api/documents/read-der.ts'
import { createSignatureVerifier, type Verification } from '../../../api/documents/verify-pdf-signatures.ts'
import { makeSignerKey, pdfsig, type SignerKey } from '../../helpers/documents-fixtures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const AGENCY = 'Sở Tư pháp tỉnh Hà Nam'

describe('the organisation certificate of the clerical office', () => {
  let app: Scenario, admin: Official, clerk: Official, approver: Official, sealKey: SignerKey
  let issued: { serial: string; certificate: string; chain: string[]; subject: string }

  const enrolSeal = (who: Official, officialId: string, csr: string) =>
    app.request('/v1/certificates/organisation', {
      method: 'POST',
      headers: { ...app.auth(who), 'Content-Type': 'application/json' },
      body: JSON.stringify({ csr, officialId }),
    })

  beforeAll(async () => {
    app = await startScenario({
      agencies: [
        ['000.00.01.H56', AGENCY],
        ['000.00.02.H56', 'UBND tỉnh Hà Nam'],
      ],
    })
    admin = await app.official('000.00.01.H56', 'agency_admin', 'Quản trị Sở')
    clerk = await app.official('000.00.01.H56', 'clerk', 'Văn thư Sở')
    approver = await app.official('000.00.01.H56', 'approver', 'Giám đốc Sở')
    // the key is made in the clerk's extension; the agency admin asks for the certificate
    sealKey = await makeSignerKey(AGENCY)
    const res = await enrolSeal(admin, clerk.id, sealKey.csrPem)
    expect(res.status).toBe(201)
    issued = (await res.json()) as typeof issued
  })

  it('names the agency, its QCVN 102 code and the organisation policy', () => {
    const cert = pkijs.Certificate.fromBER(fromPem(issued.certificate, 'CERTIFICATE'))
    expect(nameValue(cert.subject, OID.organization)).toBe(AGENCY)
    expect(nameValue(cert.subject, OID.commonName)).toBe(AGENCY)
    expect(nameValue(cert.subject, OID.organizationIdentifier)).toBe('000.00.01.H56')
    expect(nameValue(cert.subject, OID.userId)).toBeNull()
    const der = fromPem(issued.certificate, 'CERTIFICATE')
    expect(certificatePolicies(der)).toEqual([oidBytes(ROLE_POLICY.organisationSeal).toString('hex')])
    expect(isOrganisationCertificate(der)).toBe(true)
  })

  it('is issued only by the agency admin, only for a clerk of the agency', async () => {
    const key = await makeSignerKey('x')
    expect((await enrolSeal(clerk, clerk.id, key.csrPem)).status).toBe(403)
    expect((await enrolSeal(admin, approver.id, key.csrPem)).status).toBe(422)
    const stranger = await app.official('000.00.02.H56', 'clerk', 'Văn thư UBND')
    expect((await enrolSeal(admin, stranger.id, key.csrPem)).status).toBe(422)
  })

  it('signs the organisation signature; the verifier shows the agency and takes the role from the certificate', async () => {
    const approved = await app.sign(approver, await app.enrol(approver), await app.pdf(), 'approver')
    // the clerk also has a personal certificate, newer than the organisation one
    await app.enrol(clerk)
    const prepared = await app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: app.auth(clerk),
      body: app.form(approved, { role: 'organisation' }),
    })
    expect(((await prepared.json()) as { certificateSerial: string }).certificateSerial).toBe(issued.serial)

    const sealed = await app.sign(
      clerk,
      { privateKey: sealKey.keys.privateKey, serial: issued.serial },
      approved,
      'organisation',
    )
    expect((await pdfsig(sealed, app.t.dir)).match(/Signature is Valid/g)).toHaveLength(2)
    const res = await app.submit(clerk, sealed, app.header(['000.00.02.H56']))
    const body = (await res.json()) as { signatureStatus: string; verification: Verification }
    expect(res.status, JSON.stringify(body)).toBe(201)
    expect(body.verification.rolesComplete).toBe(true)
    expect(
      body.verification.signatures.map((s) => [s.role, s.roleSource, s.signerName, s.roleValid]),
    ).toEqual([
      ['approver', 'signature', 'Giám đốc Sở', true],
      ['organisation', 'certificate', AGENCY, true],
    ])
  })

  it('reaches rolesComplete for a PDF whose organisation signature carries no trolyso dictionary key', async () => {
    const approved = await app.sign(
      approver,
      await app.enrol(approver),
      await app.pdf({ text: 'khac' }),
      'approver',
    )
    const prep = await addSignaturePlaceholder({
      pdf: approved,
      role: 'organisation',
      signerName: AGENCY,
      signingTime: new Date(),
    })
    // as another system would sign: no /TrolysoRole in the signature dictionary
    const marker = Buffer.from('/TrolysoRole /organisation')
    const at = prep.pdf.indexOf(marker)
    expect(at).toBeGreaterThan(0)
    prep.pdf.fill(0x20, at, at + marker.length)
    const h = createHash('sha256')
    for (const p of signedBytes(prep.pdf, prep.byteRange)) h.update(p)
    const der = fromPem(issued.certificate, 'CERTIFICATE')
    const certificate = pkijs.Certificate.fromBER(der)
    const { attributes, toBeSigned } = buildSignedAttributes({
      messageDigest: h.digest(),
      certificate,
      certificateDer: der,
    })
    const sig = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      sealKey.keys.privateKey,
      toBeSigned,
    )
    const ca = pkijs.Certificate.fromBER(fromPem(issued.chain[0] ?? '', 'CERTIFICATE'))
    const cms = assembleCms({
      attributes,
      signature: ecdsaSignatureToDer(new Uint8Array(sig)),
      certificate,
      chain: [ca],
    })
    const pdf = embedSignature(prep.pdf, prep.byteRange, cms)
    const verifier = createSignatureVerifier({
      trustRoots: [new X509Certificate(fromPem(issued.chain[0] ?? '', 'CERTIFICATE'))],
    })
    const v = verifier.verify(pdf)
    expect(v.status).toBe('signed_valid')
    expect(v.rolesComplete).toBe(true)
    expect(v.signatures[1]).toMatchObject({
      role: 'organisation',
      roleSource: 'certificate',
      signerName: AGENCY,
    })
  })
})
