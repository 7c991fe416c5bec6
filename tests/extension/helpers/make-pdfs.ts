/**
 * PDFs for the extension's tests, made on the spot with pdf-lib: an ordinary unsigned
 * document with text, an image-only scan (colour or grey, at a chosen dpi) and a signed one
 * (a real signature dictionary with /ByteRange and /Contents, written by @signpdf).
 * @module
 */
import { deflateSync } from 'node:zlib'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'
import { PDFDocument, StandardFonts, setTextRenderingMode, TextRenderingMode } from 'pdf-lib'

const A4 = { width: 595.28, height: 841.89 }

export const makeTextPdf = async ({
  text = 'QUYẾT ĐỊNH 123/QĐ-UBND',
  lines = [text],
  useObjectStreams = true,
}: {
  text?: string
  /** one line each, from the top of the page (defaults to `text` alone) */
  lines?: string[]
  useObjectStreams?: boolean
} = {}): Promise<Uint8Array<ArrayBuffer>> => {
  const doc = await PDFDocument.create()
  const page = doc.addPage([A4.width, A4.height])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  // the standard fonts cannot encode Vietnamese marks; the content only has to be text
  lines.forEach((line, i) => {
    page.drawText(line.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'), {
      x: 72,
      y: 760 - i * 24,
      size: 14,
      font,
    })
  })
  return new Uint8Array(await doc.save({ useObjectStreams }))
}

/** A PNG of `width`×`height` pixels, RGB or grey, written by hand (no image library needed). */
export const makePng = (width: number, height: number, colour: boolean, noise = false): Uint8Array => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  // noise makes the image as incompressible as a real photo-quality scan
  let seed = 12345
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed >>> 24
  }
  const channels = colour ? 3 : 1
  const rows = Buffer.alloc(height * (1 + width * channels))
  let at = 0
  for (let y = 0; y < height; y++) {
    rows[at++] = 0
    for (let x = 0; x < width; x++) {
      const ink = (x + y) % 37 < 2 ? 30 : 235
      rows[at++] = noise ? random() : ink
      if (colour) {
        rows[at++] = noise ? random() : ink
        rows[at++] = noise ? random() : (ink + 20) % 256
      }
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = colour ? 2 : 0
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

/**
 * An electronic document (text) that carries a photo-like picture, about `megabytes` MB in all:
 * a large file that is not a scan, so a send with it is held as unsigned.
 */
export const makeLargeTextPdf = async ({
  lines,
  megabytes,
}: {
  lines: string[]
  megabytes: number
}): Promise<Uint8Array<ArrayBuffer>> => {
  const doc = await PDFDocument.load(await makeTextPdf({ lines, useObjectStreams: false }))
  const side = Math.round(Math.sqrt((megabytes * 1_000_000) / 3))
  const photo = await doc.embedPng(makePng(side, side, true, true))
  doc.getPage(0).drawImage(photo, { x: 72, y: 72, width: 240, height: 240 })
  return new Uint8Array(await doc.save({ useObjectStreams: false }))
}

/** An A4 page that is only a picture of paper, scanned at `dpi`. */
export const makeScannedPdf = async ({
  dpi = 200,
  colour = true,
  pages = 1,
  noise = false,
}: {
  dpi?: number
  colour?: boolean
  pages?: number
  /** photo-like pixels: a file as large as a real scan */
  noise?: boolean
} = {}): Promise<Uint8Array<ArrayBuffer>> => {
  const doc = await PDFDocument.create()
  const png = await doc.embedPng(
    makePng(Math.round((A4.width / 72) * dpi), Math.round((A4.height / 72) * dpi), colour, noise),
  )
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([A4.width, A4.height])
    page.drawImage(png, { x: 0, y: 0, width: A4.width, height: A4.height })
  }
  return new Uint8Array(await doc.save())
}

/**
 * A searchable scan, as OCR software writes it: the page picture at full size and the
 * recognised text on top in rendering mode 3 (invisible); `visible` draws the text normally.
 */
export const makeOcrScanPdf = async ({ visible = false }: { visible?: boolean } = {}) => {
  const doc = await PDFDocument.create()
  const png = await doc.embedPng(
    makePng(Math.round((A4.width / 72) * 150), Math.round((A4.height / 72) * 150), true),
  )
  const page = doc.addPage([A4.width, A4.height])
  page.drawImage(png, { x: 0, y: 0, width: A4.width, height: A4.height })
  if (!visible) page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible))
  page.drawText('QUYET DINH 12/QD-UBND', {
    x: 72,
    y: 760,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  })
  return new Uint8Array(await doc.save())
}

/** Stands in for a CMS signer: the detector reads the dictionary, it does not verify the CMS. */
class FixedBytesSigner extends Signer {
  override async sign(): Promise<Buffer> {
    return Buffer.from('3082010a06092a864886f70d010702a082', 'hex')
  }
}

export const makeSignedPdf = async ({
  subFilter = 'ETSI.CAdES.detached',
}: {
  subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached'
} = {}): Promise<Uint8Array<ArrayBuffer>> => {
  const doc = await PDFDocument.create()
  const page = doc.addPage([A4.width, A4.height])
  page.drawText('Quyet dinh 45/QD-UBND', {
    x: 72,
    y: 760,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  })
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Phe duyet',
    contactInfo: 'vanthu@example.gov.vn',
    name: 'Nguyen Van A',
    location: 'Ha Noi',
    subFilter:
      subFilter === 'adbe.pkcs7.detached' ? SUBFILTER_ADOBE_PKCS7_DETACHED : SUBFILTER_ETSI_CADES_DETACHED,
  })
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }))
  const signed = await new SignPdf().sign(withPlaceholder, new FixedBytesSigner())
  return new Uint8Array(signed)
}

/**
 * A hand-written image-only PDF (no object streams, uncompressed image) on a one-inch page,
 * so the pixel size equals the dpi; `colorSpace` is written as given.
 */
export const makeRawScanPdf = ({
  dpi,
  colorSpace,
}: {
  dpi: number
  colorSpace: 'DeviceGray' | 'DeviceRGB'
}): Uint8Array<ArrayBuffer> => {
  const channels = colorSpace === 'DeviceGray' ? 1 : 3
  const pixels = Buffer.alloc(dpi * dpi * channels, 0xdd)
  const content = 'q 72 0 0 72 0 0 cm /Im1 Do Q\n'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
  ]
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets: number[] = []
  const size = () => chunks.reduce((n, c) => n + c.length, 0)
  objects.forEach((body, i) => {
    offsets.push(size())
    chunks.push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'))
  })
  offsets.push(size())
  chunks.push(
    Buffer.from(
      `4 0 obj\n<< /Type /XObject /Subtype /Image /Width ${dpi} /Height ${dpi} /ColorSpace /${colorSpace} /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n`,
      'latin1',
    ),
    pixels,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  )
  offsets.push(size())
  chunks.push(
    Buffer.from(`5 0 obj\n<< /Length ${content.length} >>\nstream\n${content}endstream\nendobj\n`, 'latin1'),
  )
  const xrefAt = size()
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  chunks.push(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  )
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * One PDF of each kind the classifier tells apart (text, signed, scan under an OCR text layer,
 * a hand-written uncompressed scan, a multi-page scan), for a test that must hold for every kind.
 */
export const makeEachKindOfPdf = async (): Promise<Uint8Array<ArrayBuffer>[]> => [
  await makeTextPdf(),
  await makeSignedPdf(),
  await makeOcrScanPdf(),
  makeRawScanPdf({ dpi: 300, colorSpace: 'DeviceRGB' }),
  await makeScannedPdf({ dpi: 150, pages: 3 }),
]
