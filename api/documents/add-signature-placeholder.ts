/**
 * Adds an empty signature field to a PDF as an incremental update: the original bytes
 * stay untouched, so an approver's signature survives the organisation's one (NĐ
 * 30/2020 art. 5, two signatures). pdf-lib only reads the file; the appended section
 * (signature dictionary, widget, updated AcroForm/page/catalog, xref, trailer) is
 * written here, with a fixed-width ByteRange filled in before the digest is taken.
 * @module
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib'
import { AppError } from '../../knowledge/errors.ts'
import { appendPdfObjects, lastStartXref, nextObjectNumber } from './append-pdf-update.ts'
import { type AppearanceRequest, buildSignatureAppearance } from './build-signature-appearance.ts'

/**
 * Room for the DER CMS, in bytes: an RSA chain of three certificates and an RFC 3161
 * timestamp token fit (an ECDSA signature with its chain takes about 1.5 KB).
 */
export const SIGNATURE_CAPACITY = 16384

export type SignatureRole = 'approver' | 'organisation'

export type PlaceholderOptions = {
  pdf: Uint8Array
  role: SignatureRole
  signerName: string
  signingTime: Date
  /** what the signature shows on the page; without it (or without an image) it is invisible */
  appearance?: AppearanceRequest | null | undefined
}

export type PreparedPdf = {
  pdf: Buffer
  byteRange: [number, number, number, number]
  /** whether the signature shows on the page, and why less than asked when it does not */
  appearance?: { visible: boolean; note: string | null }
}

const BYTE_RANGE_PLACEHOLDER = '[0 /********** /********** /**********]'

const utf16Hex = (text: string) =>
  `<FEFF${Buffer.from(text.normalize('NFC'), 'utf16le').swap16().toString('hex').toUpperCase()}>`

/** A PDF date in Vietnam's time (UTC+7), e.g. (D:20261203140506+07'00'). */
export const pdfDate = (d: Date) =>
  `(D:${new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)}+07'00')`

const REASONS: Record<SignatureRole, string> = {
  approver: 'Người có thẩm quyền ký (NĐ 30/2020, Điều 5)',
  organisation: 'Chữ ký số của cơ quan, tổ chức (NĐ 30/2020, Điều 5)',
}

const loadPdf = async (pdf: Uint8Array) => {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false })
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message)
    throw new AppError(
      'UNPROCESSABLE',
      encrypted ? 'Tệp PDF được mã hoá; không ký được.' : 'Tệp không phải PDF đọc được. Not a readable PDF.',
    )
  }
}

/**
 * @returns the PDF with an empty signature whose ByteRange is already final
 * @throws AppError 422 for an unreadable or encrypted PDF
 */
export const addSignaturePlaceholder = async ({
  pdf,
  role,
  signerName,
  signingTime,
  appearance: appearanceRequest,
}: PlaceholderOptions): Promise<PreparedPdf> => {
  const doc = await loadPdf(pdf)
  const original = Buffer.from(pdf)
  const latin1 = original.toString('latin1')
  const prev = lastStartXref(latin1, 'không ký được')
  const ctx = doc.context
  const root = ctx.trailerInfo.Root
  if (!(root instanceof PDFRef)) throw new AppError('UNPROCESSABLE', 'Tệp PDF thiếu /Root; không ký được.')
  if (doc.getPageCount() === 0) throw new AppError('UNPROCESSABLE', 'Tệp PDF không có trang nào.')

  let next = nextObjectNumber(ctx, latin1)
  const sigRef = PDFRef.of(next++)
  const widgetRef = PDFRef.of(next++)
  const built = appearanceRequest
    ? await buildSignatureAppearance({ doc, pdf, request: appearanceRequest, next })
    : null
  if (built) next = built.next
  const appearance = built?.appearance ?? null
  const page = doc.getPages()[appearance?.pageIndex ?? 0]
  if (!page) throw new AppError('UNPROCESSABLE', 'Tệp PDF không có trang nào.')
  const rewritten = new Map<PDFRef, PDFObject>()

  // getForm() would add an AcroForm in memory; counting signature dictionaries is enough
  const fieldName = `Signature${(latin1.match(/\/ByteRange\s*\[/g)?.length ?? 0) + 1}`

  // the page's /Annots gains the widget
  const annots = page.node.get(PDFName.of('Annots'))
  if (annots instanceof PDFRef) {
    const arr = ctx.lookup(annots, PDFArray)
    arr.push(widgetRef)
    rewritten.set(annots, arr)
  } else if (annots instanceof PDFArray) {
    annots.push(widgetRef)
    rewritten.set(page.ref, page.node)
  } else {
    page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]))
    rewritten.set(page.ref, page.node)
  }

  // the AcroForm lists the field and says the document has signatures (SigFlags 3)
  const catalog = doc.catalog
  const acroForm = catalog.get(PDFName.of('AcroForm'))
  const addField = (form: PDFDict, formRef: PDFRef) => {
    const fields = form.get(PDFName.of('Fields'))
    if (fields instanceof PDFRef) {
      const arr = ctx.lookup(fields, PDFArray)
      arr.push(widgetRef)
      rewritten.set(fields, arr)
    } else if (fields instanceof PDFArray) fields.push(widgetRef)
    else form.set(PDFName.of('Fields'), ctx.obj([widgetRef]))
    form.set(PDFName.of('SigFlags'), PDFNumber.of(3))
    rewritten.set(formRef, form)
  }
  if (acroForm instanceof PDFRef) addField(ctx.lookup(acroForm, PDFDict), acroForm)
  else if (acroForm instanceof PDFDict) addField(acroForm, root)
  else {
    const formRef = PDFRef.of(next++)
    const form = ctx.obj({ Fields: [widgetRef], SigFlags: 3 }) as PDFDict
    catalog.set(PDFName.of('AcroForm'), formRef)
    rewritten.set(formRef, form)
    rewritten.set(root, catalog)
  }

  const contents = `<${'0'.repeat(SIGNATURE_CAPACITY * 2)}>`
  const sigDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents ${contents}`,
    `/Name ${utf16Hex(signerName)}`,
    `/Reason ${utf16Hex(REASONS[role])}`,
    `/M ${pdfDate(signingTime)}`,
    `/TrolysoRole /${role}`,
    '/Prop_Build << /App << /Name /trolyso >> >>',
    '>>',
  ].join('\n')
  const rect = appearance ? `[${appearance.rect.join(' ')}]` : '[0 0 0 0]'
  const ap = appearance ? `\n/AP << /N ${appearance.normal} 0 R >>` : ''
  const widget = `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/Rect ${rect}\n/F 132\n/T ${utf16Hex(fieldName)}\n/V ${sigRef.toString()}\n/P ${page.ref.toString()}${ap}\n>>`

  const { pdf: out, offsets } = appendPdfObjects({
    pdf: original,
    ctx,
    bodies: [
      { num: sigRef.objectNumber, body: sigDict },
      { num: widgetRef.objectNumber, body: widget },
      ...(appearance?.bodies ?? []),
      ...[...rewritten].map(([ref, obj]) => ({
        num: ref.objectNumber,
        gen: ref.generationNumber,
        body: obj.toString(),
      })),
    ],
    size: next,
    prev,
  })
  const sigObjectOffset = offsets[0] ?? 0
  const sigText = `${sigRef.objectNumber} ${sigRef.generationNumber} obj\n${sigDict}`
  const contentsStart = sigObjectOffset + sigText.indexOf('/Contents <') + '/Contents '.length
  const contentsEnd = contentsStart + contents.length
  const byteRange: PreparedPdf['byteRange'] = [0, contentsStart, contentsEnd, out.length - contentsEnd]
  const filled = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ')
  const brAt = sigObjectOffset + sigText.indexOf(BYTE_RANGE_PLACEHOLDER)
  out.write(filled, brAt, 'latin1')
  return { pdf: out, byteRange, appearance: { visible: appearance !== null, note: built?.note ?? null } }
}

/** The bytes a signature covers: everything but the /Contents hex string. */
export const signedBytes = (pdf: Uint8Array, [a, b, c, d]: readonly number[]) => [
  pdf.subarray(a ?? 0, (a ?? 0) + (b ?? 0)),
  pdf.subarray(c ?? 0, (c ?? 0) + (d ?? 0)),
]

/** Puts the DER CMS into the reserved /Contents of a prepared PDF. */
export const embedSignature = (
  prepared: Uint8Array,
  byteRange: readonly number[],
  cms: Uint8Array,
): Buffer => {
  if (cms.length > SIGNATURE_CAPACITY) {
    throw new AppError('UNPROCESSABLE', 'Chữ ký CMS quá lớn so với chỗ dành sẵn trong PDF.')
  }
  const out = Buffer.from(prepared)
  const start = (byteRange[1] ?? 0) + 1
  out.write(Buffer.from(cms).toString('hex').toUpperCase(), start, 'latin1')
  return out
}
