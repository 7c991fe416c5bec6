import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFArray, PDFDocument, PDFName, type PDFRef, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAMP_NAME_PREFIX } from '../../../api/documents/compare-signed-revisions.ts'
import {
  type CertificateAuthority,
  initCertificateAuthority,
} from '../../../api/documents/init-certificate-authority.ts'
import { readPdfRevision } from '../../../api/documents/read-pdf-revision.ts'
import { createSignatureVerifier, type Verification } from '../../../api/documents/verify-pdf-signatures.ts'
import { makePdf, mutoolVerdicts, pdfsig } from '../../helpers/documents-fixtures.ts'
import {
  addAnnotation,
  appendRevision,
  appendXrefOnly,
  firstPageNode,
} from '../../helpers/documents-revisions.ts'
import { type LocalSigner, makeCertifiedSigner, signLocally } from '../../helpers/documents-signer.ts'

const run = promisify(execFile)

const signerFrom = (ca: CertificateAuthority, name: string) =>
  makeCertifiedSigner({ ca, name, agencyName: 'Sở Tư pháp' })

const makeFormPdf = async () => {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  const field = doc.getForm().createTextField('so_van_ban')
  field.setText('123/QD-STP')
  field.addToPage(page, { x: 50, y: 700, width: 200, height: 20 })
  return Buffer.from(await doc.save())
}

/** The page's first content stream (pdf-lib keeps /Contents as an array). */
const firstContents = (doc: PDFDocument) =>
  firstPageNode(doc).lookup(PDFName.of('Contents'), PDFArray).get(0) as PDFRef

/** A FreeText annotation as the clerical office stamps number and date at issuance. */
const addStamp =
  (content: string, name = `${STAMP_NAME_PREFIX}-1`) =>
  (doc: PDFDocument) => {
    const ctx = doc.context
    const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Times-Roman' }))
    const ap = ctx.register(
      ctx.stream(content, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 200, 30],
        Resources: { Font: { F1: font } },
      }),
    )
    const annot = ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        NM: PDFString.of(name),
        Rect: [380, 800, 580, 830],
        F: 4,
        DA: PDFString.of('/F1 10 Tf 0 g'),
        Contents: PDFString.of('Số: 123/QĐ-STP, ngày 03/12/2026'),
        AP: { N: ap },
      }),
    )
    addAnnotation(doc, annot)
  }

describe('integrity between signed revisions', () => {
  let dir: string, ca: CertificateAuthority, approver: LocalSigner, clerk: LocalSigner
  let verify: (pdf: Uint8Array) => Verification

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-revisions-'))
    ca = await initCertificateAuthority({ dir: join(dir, 'ca') })
    approver = await signerFrom(ca, 'Nguyễn Văn Giám Đốc')
    clerk = await signerFrom(ca, 'Trần Thị Văn Thư')
    verify = createSignatureVerifier({ trustRoots: [ca.x509] }).verify
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** approver signs, `between` edits, the clerk signs */
  const signedWith = async (between?: (pdf: Buffer) => Promise<Buffer>, base?: Buffer) => {
    let pdf = await signLocally(base ?? (await makePdf()), approver, 'approver', ca)
    if (between) pdf = await between(pdf)
    return signLocally(pdf, clerk, 'organisation', ca)
  }

  const expectFlagged = (v: Verification, pattern: RegExp | string[]) => {
    expect(v.status).toBe('signed_invalid')
    expect(v.rolesComplete).toBe(false)
    const [first, last] = v.signatures
    // both signatures are cryptographically sound: the approver's is valid, but the document changed after it
    expect(first).toMatchObject({ role: 'approver', integrity: true, chainValid: true })
    expect(last).toMatchObject({
      role: 'organisation',
      integrity: true,
      coversWholeDocument: true,
      changesAfter: [],
    })
    if (Array.isArray(pattern)) expect(first?.changesAfter).toEqual(pattern)
    else expect(first?.changesAfter.join(' ')).toMatch(pattern)
    expect(first?.problems.join(' ')).toMatch(/đã bị thay đổi sau chữ ký này/)
  }

  it('accepts a second signature added as an incremental update, and pdfsig, mutool and openssl agree', async () => {
    const pdf = await signedWith()
    const v = verify(pdf)
    expect(v.status).toBe('signed_valid')
    expect(v.rolesComplete).toBe(true)
    expect(v.signatures.map((s) => s.changesAfter)).toEqual([[], []])

    const poppler = await pdfsig(pdf, dir)
    expect(poppler.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)
    expect(poppler).toContain('Total document signed')

    const { verdicts } = await mutoolVerdicts(pdf, dir, 'two-signatures.pdf')
    // mutool cannot tell a later signature from an edit, so it reports one for the approver's
    expect(verdicts).toHaveLength(2)
    expect(verdicts[0]).toContain('The signature is valid but there have been edits since signing.')
    expect(verdicts[1]).toContain('The document is unchanged since signing.')

    for (const [i, s] of v.signatures.entries()) {
      const ranges = [
        ...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g),
      ][i]
      const [a, b, c, d] = [1, 2, 3, 4].map((k) => Number(ranges?.[k]))
      const hex = pdf.subarray((b as number) + 1, (c as number) - 1).toString('latin1')
      const der = Buffer.from(hex, 'hex')
      const length =
        der[1] === 0x82 ? ((der[2] as number) << 8) + (der[3] as number) + 4 : (der[1] as number) + 2
      writeFileSync(join(dir, `sig${i}.der`), der.subarray(0, length))
      writeFileSync(
        join(dir, `content${i}.bin`),
        Buffer.concat([
          pdf.subarray(a, (a as number) + (b as number)),
          pdf.subarray(c, (c as number) + (d as number)),
        ]),
      )
      writeFileSync(join(dir, 'ca.pem'), ca.pem)
      const cms = await run('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, `sig${i}.der`),
        '-content',
        join(dir, `content${i}.bin`),
        '-CAfile',
        join(dir, 'ca.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ]).catch((e: { stderr?: string }) => ({ stderr: e.stderr ?? 'failed' }))
      expect(cms.stderr, s.role ?? '').toContain('Verification successful')
    }
  })

  it('accepts a second signature on a PDF with a classic cross-reference table and no object streams', async () => {
    const v = verify(await signedWith(undefined, await makePdf({ pages: 2, objectStreams: false })))
    expect(v.signatures.map((s) => s.changesAfter)).toEqual([[], []])
    expect(v.status).toBe('signed_valid')
  })

  it('flags page content replaced between the signatures', async () => {
    const pdf = await signedWith((p) =>
      appendRevision(p, (doc) => {
        const ctx = doc.context
        doc
          .getPage(0)
          .node.set(PDFName.of('Contents'), ctx.register(ctx.stream('BT /F1 14 Tf 50 780 Td (Da sua) Tj ET')))
      }),
    )
    expectFlagged(
      verify(pdf),
      /^Trang 1 đã bị thay đổi \(\/Contents\)\. Đã thêm đối tượng \d+ không thuộc chữ ký mới\.$/,
    )
  })

  it('flags page content rewritten in place (same object number)', async () => {
    const pdf = await signedWith((p) =>
      appendRevision(p, (doc) => {
        doc.context.assign(firstContents(doc), doc.context.stream('BT /F1 14 Tf 50 780 Td (Da sua) Tj ET'))
      }),
    )
    expectFlagged(verify(pdf), ['Nội dung trang 1 đã bị thay đổi.'])
  })

  it('flags page content re-pointed to older signed bytes through the cross-reference table only', async () => {
    const base = await makePdf()
    const original = readPdfRevision(base)
    const num = firstContents(await PDFDocument.load(base)).objectNumber
    const oldOffset = original.entries.get(num)
    expect(oldOffset?.type).toBe('offset')
    // the approver approves a corrected text; afterwards the xref points back to the first draft
    const corrected = await appendRevision(base, (doc) => {
      doc.context.assign(
        firstContents(doc),
        doc.context.stream('BT /F1 14 Tf 50 780 Td (Ban da duyet) Tj ET'),
      )
    })
    const root = `${(readPdfRevision(base).trailer.entries.get('Root') as { num: number }).num} 0 R`
    const pdf = await signedWith(
      async (p) => appendXrefOnly(p, { [num]: (oldOffset as { offset: number }).offset }, root),
      corrected,
    )
    expectFlagged(verify(pdf), ['Nội dung trang 1 đã bị thay đổi.'])
  })

  it('flags a page added between the signatures', async () => {
    const pdf = await signedWith((p) =>
      appendRevision(p, (doc) => {
        doc.addPage([595, 842])
      }),
    )
    expectFlagged(verify(pdf), /Đã thêm, bớt hoặc đổi thứ tự trang/)
  })

  it('flags an annotation added between the signatures', async () => {
    const pdf = await signedWith((p) =>
      appendRevision(p, (doc) => {
        const annot = doc.context.register(
          doc.context.obj({
            Type: 'Annot',
            Subtype: 'Text',
            Rect: [50, 50, 70, 70],
            Contents: PDFString.of('sửa'),
          }),
        )
        addAnnotation(doc, annot)
      }),
    )
    expectFlagged(verify(pdf), ['Đã thêm chú thích /Text vào trang 1.'])
  })

  it('flags a form value changed between the signatures', async () => {
    const pdf = await signedWith(
      (p) =>
        appendRevision(p, (doc) => {
          doc.getForm().getTextField('so_van_ban').setText('999/QD-STP')
        }),
      await makeFormPdf(),
    )
    expectFlagged(verify(pdf), /Trường biểu mẫu "so_van_ban" đã bị thay đổi/)
  })

  it('accepts the issuance stamp (number and date as text) added before the organisation signs', async () => {
    const pdf = await signedWith((p) =>
      appendRevision(p, addStamp('BT /F1 10 Tf 0 g 2 10 Td (So: 123/QD-STP, ngay 03/12/2026) Tj ET')),
    )
    const v = verify(pdf)
    expect(v.signatures.map((s) => s.changesAfter)).toEqual([[], []])
    expect(v.status).toBe('signed_valid')
  })

  it('flags a "stamp" that paints over the page, and a second stamp', async () => {
    const painted = await signedWith((p) =>
      appendRevision(p, addStamp('1 g 0 0 200 30 re f BT /F1 10 Tf 0 g (So: 123) Tj ET')),
    )
    expectFlagged(verify(painted), /vẽ nội dung khác chữ \(toán tử re\)/)
    const twice = await signedWith(async (p) =>
      appendRevision(
        await appendRevision(p, addStamp('BT /F1 10 Tf (So: 123) Tj ET')),
        addStamp('BT /F1 10 Tf (So: 124) Tj ET', `${STAMP_NAME_PREFIX}-2`),
      ),
    )
    expectFlagged(verify(twice), /nhiều hơn một dấu số/)
  })
})
