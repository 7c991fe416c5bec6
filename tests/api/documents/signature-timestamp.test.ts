import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OID } from '../../../api/documents/pki-encoding.ts'
import { pdfsig, signWithKey } from '../../helpers/documents-fixtures.ts'
import { type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { type OpensslTsa, run, startOpensslTsa } from '../../helpers/openssl-tsa.ts'

const SENDER = '000.00.01.H56'
const TO = '000.00.02.H56'

type Check = {
  level: string | null
  timestampValid: boolean | null
  timestampedAt: string | null
  timestampedAtLocal: string | null
  timestampAuthority: string | null
  signedAt: string
  problems: string[]
}

const contentsOf = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/Contents <([0-9A-Fa-f]+)>/g)].map((m) => m[1] ?? '')

/** The SignerInfo of a /Contents (hex, zero-padded) and the ContentInfo around it. */
const cmsOf = (hex: string) => {
  const info = pkijs.ContentInfo.fromBER(Buffer.from(hex, 'hex'))
  const signed = new pkijs.SignedData({ schema: info.content })
  return { signed, signer: signed.signerInfos[0] as pkijs.SignerInfo }
}

const tokenOf = (signer: pkijs.SignerInfo) => {
  const attr = signer.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)
  return attr ? Buffer.from((attr.values[0] as asn1js.Sequence).toBER(false)) : null
}

describe('PAdES B-T: signature timestamps from a TSA (TSA_URL)', () => {
  let dir: string, tsa: OpensslTsa, app: Scenario

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-tsa-'))
    tsa = await startOpensslTsa(dir)
    app = await startScenario({
      env: { TSA_URL: tsa.url, TRUST_ROOTS_FILE: tsa.rootFile },
      agencies: [
        [SENDER, 'UBND tỉnh Hà Nam'],
        [TO, 'Sở Tư pháp tỉnh Hà Nam', SENDER],
      ],
    })
  }, 60_000)
  afterAll(async () => {
    app.close()
    await tsa.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('timestamps both signatures; the server reports B-T with the TSA time, openssl ts -verify and pdfsig agree', async () => {
    const approver = await app.official(SENDER, 'approver', 'Phó Chủ tịch')
    const clerk = await app.official(SENDER, 'clerk', 'Văn thư')
    const before = Date.now() - 2000
    const once = await app.sign(approver, await app.enrol(approver), await app.pdf(), 'approver')
    const twice = await app.sign(clerk, await app.enrol(clerk), once, 'organisation')
    expect(tsa.requests).toBe(2)

    const res = await app.submit(clerk, twice, app.header([TO]))
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      signatureStatus: string
      verification: { rolesComplete: boolean; signatures: Check[] }
    }
    expect(body.signatureStatus).toBe('signed_valid')
    expect(body.verification.rolesComplete).toBe(true)
    for (const s of body.verification.signatures) {
      expect(s.problems).toEqual([])
      expect(s.level).toBe('B-T')
      expect(s.timestampValid).toBe(true)
      expect(s.timestampAuthority).toBe('Test TSA')
      const at = new Date(s.timestampedAt ?? 0).getTime()
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(Date.now() + 2000)
      expect(at).toBeGreaterThanOrEqual(new Date(s.signedAt).getTime())
      expect(s.timestampedAtLocal).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/)
    }

    // openssl, independently: each token is the TSA's and covers exactly that signature value
    for (const [i, hex] of contentsOf(twice).entries()) {
      const { signer } = cmsOf(hex)
      const token = tokenOf(signer)
      expect(token).not.toBeNull()
      writeFileSync(join(dir, `token-${i}.der`), token as Buffer)
      const imprint = createHash('sha256').update(signer.signature.valueBlock.valueHexView).digest('hex')
      /** OpenSSL's own check of the timestamp token against a digest, trusting only the TSA's root */
      const verifyToken = (digest: string) =>
        run('openssl', [
          ...['ts', '-verify', '-in', join(dir, `token-${i}.der`), '-token_in', '-digest', digest],
          ...['-CAfile', tsa.rootFile, '-untrusted', tsa.tsaFile],
        ])
      const verified = await verifyToken(imprint)
      expect(verified.stdout).toContain('Verification: OK')
      // and not for other data
      const other = await verifyToken('ab'.repeat(32)).catch((e: { stdout?: string; stderr?: string }) => ({
        stdout: `${e.stdout}${e.stderr}`,
      }))
      expect(other.stdout).not.toContain('Verification: OK')
    }
    // the unsigned attribute does not disturb other validators
    const report = await pdfsig(twice, dir)
    expect(report.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2)
  })

  it('flags a timestamp taken over other data (a token swapped in): B-B, the document not signed_valid', async () => {
    const approver = await app.official(SENDER, 'approver', 'Chủ tịch')
    const clerk = await app.official(SENDER, 'clerk', 'Văn thư 2')
    const once = await app.sign(
      approver,
      await app.enrol(approver),
      await app.pdf({ text: 'Công văn' }),
      'approver',
    )
    const twice = await app.sign(clerk, await app.enrol(clerk), once, 'organisation')
    // the approver's CMS gets a genuine token of the same TSA, but for other bytes; /Contents is outside the ByteRange
    const [hex] = contentsOf(twice)
    const { signed, signer } = cmsOf(hex as string)
    const foreign = await tsa.tokenFor(Buffer.from('một văn bản khác'))
    const attrs = signer.unsignedAttrs as pkijs.SignedAndUnsignedAttributes
    attrs.attributes = [
      new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(foreign).result] }),
    ]
    const der = Buffer.from(
      new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) })
        .toSchema()
        .toBER(false),
    )
    const swappedHex = der.toString('hex').padEnd((hex as string).length, '0')
    const swapped = Buffer.from(twice.toString('latin1').replace(hex as string, swappedHex), 'latin1')
    expect(swapped.length).toBe(twice.length)

    const res = await app.submit(clerk, swapped, app.header([TO], { allowUnsigned: true }))
    const body = (await res.json()) as { signatureStatus: string; verification: { signatures: Check[] } }
    expect(body.signatureStatus).toBe('unsigned')
    const [first, second] = body.verification.signatures
    expect(first?.timestampValid).toBe(false)
    expect(first?.level).toBe('B-B')
    expect(first?.problems.join(' ')).toContain('message imprint khác')
    expect(second?.level).toBe('B-T')
  })

  it('answers 503 when the TSA does not answer, and the same signature completes once it does', async () => {
    const approver = await app.official(SENDER, 'approver', 'Giám đốc')
    const key = await app.enrol(approver)
    const prepared = await app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: app.auth(approver),
      body: app.form(await app.pdf(), { role: 'approver', certificateSerial: key.serial }),
    })
    const session = (await prepared.json()) as { sessionId: string; toBeSigned: string }
    const signature = await signWithKey(key.privateKey, session.toBeSigned)
    const complete = () =>
      app.request(`/v1/signing/sessions/${session.sessionId}/complete`, {
        method: 'POST',
        headers: { ...app.auth(approver), 'Content-Type': 'application/json' },
        body: JSON.stringify({ signature }),
      })
    tsa.mode = 'down'
    try {
      const refused = await complete()
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('30')
      const error = ((await refused.json()) as { error: { code: string; message: string } }).error
      expect(error.message).toContain('TSA_URL')
    } finally {
      tsa.mode = 'ok'
    }
    const done = await complete()
    expect(done.status).toBe(200)
    const { signer } = cmsOf(contentsOf(Buffer.from(await done.arrayBuffer()))[0] as string)
    expect(tokenOf(signer)).not.toBeNull()
  })
})
