import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFArray, PDFDict, PDFName, type PDFRef } from 'pdf-lib'
import * as pkijs from 'pkijs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type CertificateAuthority,
  initCertificateAuthority,
} from '../../../api/documents/init-certificate-authority.ts'
import { issueCertificate } from '../../../api/documents/issue-certificate.ts'
import { decreeDateParts, STAMP_NUMBER_NAME, stampIssuance } from '../../../api/documents/stamp-issuance.ts'
import {
  createSignatureVerifier,
  type Verification as VerifierResult,
} from '../../../api/documents/verify-pdf-signatures.ts'
import { makeDecree30Draft } from '../../helpers/decree-30-draft.ts'
import { makeSignerKey, pdfsig, signWithKey } from '../../helpers/documents-fixtures.ts'
import { appendRevision, firstPageNode } from '../../helpers/documents-revisions.ts'
import { type Key, type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { type LocalSigner, signLocally } from '../../helpers/documents-signer.ts'

const run = promisify(execFile)
const SENDER = '000.00.01.H56'
const RECIPIENT = '000.00.02.H56'
const ISSUANCE = { notation: '123/QĐ-STP', date: '2026-12-03' }

type Verification = {
  status: string
  signatures: Array<{ role: string; changesAfter: string[]; problems: string[] }>
}

describe('issuance: the văn thư stamps number and date before the organisation signs', () => {
  let app: Scenario, dir: string, approver: Official, clerk: Official, approverKey: Key, clerkKey: Key
  let byLeader: Buffer
  let sealedOnce: Buffer | null = null

  /** prepare (with `issuance`) → WebCrypto signature → complete, as the extension does */
  const sealWithIssuance = async (pdf: Uint8Array, issuance: unknown, official = clerk, key = clerkKey) => {
    const res = await app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: app.auth(official),
      body: app.form(pdf, {
        role: official === clerk ? 'organisation' : 'approver',
        certificateSerial: key.serial,
        issuance: JSON.stringify(issuance),
      }),
    })
    if (res.status !== 201) return { status: res.status, text: await res.text(), pdf: null }
    const session = (await res.json()) as { sessionId: string; toBeSigned: string }
    const done = await app.request(`/v1/signing/sessions/${session.sessionId}/complete`, {
      method: 'POST',
      headers: { ...app.auth(official), 'Content-Type': 'application/json' },
      body: JSON.stringify({ signature: await signWithKey(key.privateKey, session.toBeSigned) }),
    })
    expect(done.status).toBe(200)
    return { status: 201, text: '', pdf: Buffer.from(await done.arrayBuffer()) }
  }

  const text = async (pdf: Uint8Array) => {
    const file = join(dir, `text-${Math.random().toString(36).slice(2)}.pdf`)
    writeFileSync(file, pdf)
    return (await run('pdftotext', ['-layout', file, '-'])).stdout
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-issuance-'))
    app = await startScenario({
      agencies: { [SENDER]: 'Sở Tư pháp thành phố Hà Nội', [RECIPIENT]: 'Sở Nội vụ thành phố Hà Nội' },
    })
    approver = await app.official(SENDER, 'approver', 'Nguyễn Văn An')
    clerk = await app.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    approverKey = await app.enrol(approver)
    clerkKey = await app.enrol(clerk)
    byLeader = await app.sign(approver, approverKey, makeDecree30Draft(), 'approver')
  })
  afterAll(() => {
    app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes the leading zeros NĐ 30/2020 asks for: days below 10, months 1 and 2', () => {
    expect(decreeDateParts('2026-03-05')).toEqual({ day: '05', month: '3', year: '2026' })
    expect(decreeDateParts('2027-02-14')).toEqual({ day: '14', month: '02', year: '2027' })
    expect(decreeDateParts('2026-12-03')).toEqual({ day: '03', month: '12', year: '2026' })
  })

  it('stamps the number after "Số:" and the date into "ngày … tháng … năm", signed, verified and issued', async () => {
    // the queue: the leader's draft goes to the văn thư, who stamps, signs and issues it
    const queued = await app.request('/v1/drafts', {
      method: 'POST',
      headers: app.auth(approver),
      body: app.form(byLeader, { subject: 'Quyết định ban hành quy chế làm việc' }),
    })
    expect(queued.status).toBe(201)
    const { id } = (await queued.json()) as { id: string }

    const sealed = await sealWithIssuance(byLeader, ISSUANCE)
    expect(sealed.status).toBe(201)
    const pdf = sealed.pdf as Buffer
    sealedOnce = pdf
    // the approver's bytes are untouched: the stamp and the signature are later revisions
    expect(pdf.subarray(0, byLeader.length).equals(byLeader)).toBe(true)

    const shown = await text(pdf)
    expect(shown).toMatch(/Số:\s*123\s*\/QĐ-STP/)
    expect(shown).toMatch(/Hà Nội, ngày\s+03\s+tháng\s+12\s+năm 2026/)
    expect(await text(byLeader)).not.toMatch(/123|ngày\s+03/)

    const poppler = await pdfsig(pdf, dir)
    expect(poppler.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)
    expect(poppler).toContain('Total document signed')

    // the routing header must say what the page says
    /** the văn thư issues the draft with the sealed PDF, the header naming this number and date */
    const issue = (notation: string, promulgatedAt: string) =>
      app.request(`/v1/drafts/${id}/issue`, {
        method: 'POST',
        headers: app.auth(clerk),
        body: app.form(pdf, { header: app.header([RECIPIENT], { notation, promulgatedAt }) }),
      })
    const mismatched = await issue('124/QĐ-STP', '2026-12-04')
    expect(mismatched.status).toBe(422)
    expect(await mismatched.text()).toMatch(
      /số trên văn bản là \\?"123\\?".*ngày trên văn bản là 03\/12, header ghi 2026-12-04/,
    )

    const res = await issue('123/QĐ-STP', '2026-12-03')
    expect(res.status).toBe(201)
    const doc = (await res.json()) as { id: string; signatureStatus: string; verification: Verification }
    expect(doc.signatureStatus).toBe('signed_valid')
    expect(doc.verification.signatures.map((s) => [s.role, s.changesAfter])).toEqual([
      ['approver', []],
      ['organisation', []],
    ])
  })

  it('stamps at explicit coordinates when page 1 has no "Số:" line, and says how when it has none', async () => {
    const plain = await app.sign(approver, approverKey, await app.pdf({ text: 'Công văn' }), 'approver')
    const missing = await sealWithIssuance(plain, ISSUANCE)
    expect(missing.status).toBe(422)
    expect(missing.text).toContain('numberAt')

    const sealed = await sealWithIssuance(plain, {
      ...ISSUANCE,
      numberAt: { x: 60, y: 740 },
      dateAt: { x: 320, y: 740, size: 12 },
    })
    expect(sealed.status).toBe(201)
    const shown = await text(sealed.pdf as Buffer)
    expect(shown).toContain('123/QĐ-STP')
    expect(shown).toContain('ngày 03 tháng 12 năm 2026')
    const submitted = await app.request('/v1/documents', {
      method: 'POST',
      headers: app.auth(clerk),
      body: app.form(sealed.pdf as Buffer, { header: app.header([RECIPIENT]) }),
    })
    expect(submitted.status).toBe(201)
    expect(((await submitted.json()) as { signatureStatus: string }).signatureStatus).toBe('signed_valid')
  })

  it('refuses issuance with the approver signature, on a numbered draft, twice, or with a bad date', async () => {
    const asApprover = await app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: app.auth(approver),
      body: app.form(makeDecree30Draft(), { role: 'approver', issuance: JSON.stringify(ISSUANCE) }),
    })
    expect(asApprover.status).toBe(400)

    const numbered = await app.sign(approver, approverKey, makeDecree30Draft({ number: true }), 'approver')
    const onNumbered = await sealWithIssuance(numbered, ISSUANCE)
    expect(onNumbered.status).toBe(422)
    expect(onNumbered.text).toMatch(/Số:/)

    const again = await sealWithIssuance(sealedOnce as Buffer, { ...ISSUANCE, notation: '124/QĐ-STP' })
    expect(again.status).toBe(409)
    expect(again.text).toContain('đã được ghi số')

    const badDate = await sealWithIssuance(byLeader, { ...ISSUANCE, date: '2026-02-30' })
    expect(badDate.status).toBe(400)
    expect(badDate.text).toContain('issuance')
  })
})

describe('the revision check accepts the stamp trolyso writes and nothing beside it', () => {
  let dir: string, ca: CertificateAuthority, approver: LocalSigner, clerk: LocalSigner
  let verify: (pdf: Uint8Array) => VerifierResult

  const signer = async (name: string): Promise<LocalSigner> => {
    const key = await makeSignerKey(name)
    const issued = await issueCertificate({
      ca,
      csrPem: key.csrPem,
      subject: { officialId: name, name, agencyCode: SENDER, agencyName: 'Sở Tư pháp' },
    })
    const der = new Uint8Array(issued.der)
    return { token: '', name, privateKey: key.keys.privateKey, cert: pkijs.Certificate.fromBER(der), der }
  }

  /** approver signs the draft, `between` stamps (and more), the clerk signs */
  const signedWith = async (between: (pdf: Buffer) => Promise<Buffer>) => {
    const byLeader = await signLocally(makeDecree30Draft(), approver, 'approver', ca)
    return signLocally(await between(byLeader), clerk, 'organisation', ca)
  }
  const stamp = (pdf: Buffer) => stampIssuance({ pdf, stamp: ISSUANCE })

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-issuance-rev-'))
    ca = await initCertificateAuthority({ dir: join(dir, 'ca') })
    approver = await signer('Nguyễn Văn An')
    clerk = await signer('Trần Thị Văn Thư')
    verify = createSignatureVerifier({ trustRoots: [ca.x509] }).verify
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('accepts the number and date stamps', async () => {
    const v = verify(await signedWith(stamp))
    expect(v.signatures.map((s) => s.changesAfter)).toEqual([[], []])
    expect(v.status).toBe('signed_valid')
  })

  it('flags the stamp when the same revision also replaces the page text', async () => {
    const v = verify(
      await signedWith(async (p) =>
        appendRevision(await stamp(p), (doc) => {
          const content = doc.context.register(doc.context.flateStream('BT /F1 13 Tf 70 600 Td <0001> Tj ET'))
          firstPageNode(doc).set(PDFName.of('Contents'), content)
        }),
      ),
    )
    expect(v.status).toBe('signed_invalid')
    expect(v.signatures[0]?.changesAfter.join(' ')).toMatch(/Trang 1 đã bị thay đổi \(\/Contents\)/)
  })

  it('flags a second number stamp', async () => {
    const v = verify(
      await signedWith(async (p) =>
        appendRevision(await stamp(p), (doc) => {
          const annots = firstPageNode(doc).lookup(PDFName.of('Annots'), PDFArray)
          const numberStamp = annots
            .asArray()
            .map((ref) => doc.context.lookup(ref as PDFRef, PDFDict))
            .find((a) => a.get(PDFName.of('NM'))?.toString() === `(${STAMP_NUMBER_NAME})`)
          expect(numberStamp).toBeDefined()
          annots.push(doc.context.register((numberStamp as PDFDict).clone()))
        }),
      ),
    )
    expect(v.status).toBe('signed_invalid')
    expect(v.signatures[0]?.changesAfter.join(' ')).toMatch(/nhiều hơn một dấu số/)
  })
})
