import { describe, expect, it } from 'vitest'
import { classifyPdf, scanMeetsMinimum, signatureState } from '../../../extension/utils/pdf-detect.ts'
import {
  makeOcrScanPdf,
  makeRawScanPdf,
  makeScannedPdf,
  makeSignedPdf,
  makeTextPdf,
} from '../helpers/make-pdfs.ts'

describe('classifyPdf', () => {
  it.each(['ETSI.CAdES.detached', 'adbe.pkcs7.detached'] as const)(
    'counts a PDF with a %s signature dictionary and a byte range as signed',
    async (subFilter) => {
      const result = await classifyPdf(await makeSignedPdf({ subFilter }))
      expect(result).toMatchObject({ isPdf: true, signed: true, scanned: false, hasText: true })
      expect(result.subFilters).toEqual([subFilter])
    },
  )

  it.each([true, false])(
    'sees an ordinary text PDF as unsigned and not scanned (object streams: %s)',
    async (useObjectStreams) => {
      const result = await classifyPdf(await makeTextPdf({ useObjectStreams }))
      expect(result).toMatchObject({ isPdf: true, signed: false, scanned: false, hasText: true, pages: 1 })
    },
  )

  it('counts a signature dictionary repeated by an incremental update once', async () => {
    const text = new TextDecoder('latin1').decode(await makeSignedPdf())
    const at = text.indexOf('/ByteRange')
    const dict = text.slice(text.lastIndexOf('<<', at), text.indexOf('>>', text.indexOf('/Contents', at)) + 2)
    const updated = `${text}\n99 0 obj\n${dict}\nendobj\n%%EOF\n`
    const result = await classifyPdf(new Uint8Array(Buffer.from(updated, 'latin1')))
    expect(result).toMatchObject({ signed: true, signatureCount: 1 })
  })

  it('does not count a signature placeholder without a byte range as signed', async () => {
    const text = new TextDecoder('latin1').decode(await makeSignedPdf())
    const broken = text.replace(
      /\/ByteRange\s*\[[^\]]*\]/,
      '/ByteRange [/********** /********** /********** /**********]',
    )
    const result = await classifyPdf(new Uint8Array(Buffer.from(broken, 'latin1')))
    expect(result.signed).toBe(false)
  })

  it('recognises an image-only PDF as scanned paper, with its resolution and colour', async () => {
    const result = await classifyPdf(await makeScannedPdf({ dpi: 200, colour: true, pages: 2 }))
    expect(result).toMatchObject({ isPdf: true, signed: false, scanned: true, hasText: false, pages: 2 })
    expect(result.images[0]).toMatchObject({ colour: true, dpi: 200 })
    expect(scanMeetsMinimum(result.images)).toBe(true)
  })

  it('flags a colour scan at 100 dpi as below the legal minimum', async () => {
    const result = await classifyPdf(await makeScannedPdf({ dpi: 100, colour: true }))
    expect(result.scanned).toBe(true)
    expect(result.images[0]).toMatchObject({ dpi: 100, colour: true })
    expect(scanMeetsMinimum(result.images)).toBe(false)
  })

  it.each([
    { colorSpace: 'DeviceGray', dpi: 300, colour: false, meets: false },
    { colorSpace: 'DeviceRGB', dpi: 150, colour: true, meets: false },
    { colorSpace: 'DeviceRGB', dpi: 240, colour: true, meets: true },
  ] as const)(
    'reads a hand-made $colorSpace scan at $dpi dpi (meets the minimum: $meets)',
    async ({ colorSpace, dpi, colour, meets }) => {
      const result = await classifyPdf(makeRawScanPdf({ dpi, colorSpace }))
      expect(result).toMatchObject({ scanned: true, hasText: false, signed: false, pages: 1 })
      expect(result.images).toEqual([{ width: dpi, height: dpi, colour, dpi }])
      expect(scanMeetsMinimum(result.images)).toBe(meets)
    },
  )

  it('rejects bytes that are not a PDF', async () => {
    const result = await classifyPdf(new TextEncoder().encode('<html>not a pdf</html>'))
    expect(result).toMatchObject({ isPdf: false, signed: false, scanned: false })
  })
})

describe('signatureState', () => {
  it.each([
    [{ roles: [], signatureCount: 0 }, 'none'],
    [{ roles: ['approver'], signatureCount: 1 }, 'leader'],
    [{ roles: ['approver', 'organisation'], signatureCount: 2 }, 'complete'],
    // two approver signatures are not complete: judged by role, never by count
    [{ roles: ['approver', 'approver'], signatureCount: 2 }, 'leader'],
    [{ roles: ['organisation'], signatureCount: 1 }, 'none'],
    // signatures from other systems record no role: their number stands in
    [{ roles: [null], signatureCount: 1 }, 'leader'],
    [{ roles: [null, null], signatureCount: 2 }, 'complete'],
  ] as const)('%j → %s', (classification, expected) => {
    expect(
      signatureState({ roles: [...classification.roles], signatureCount: classification.signatureCount }),
    ).toBe(expected)
  })
})

describe('page count', () => {
  it('reads the page tree, not the number of /Type /Page objects (an incremental update rewrites a page)', async () => {
    for (const useObjectStreams of [false, true]) {
      const pdf = await makeTextPdf({ useObjectStreams })
      const text = new TextDecoder('latin1').decode(pdf)
      // what a signature's incremental update does: a newer version of the page object
      const page = useObjectStreams
        ? '3'
        : (/(\d+) 0 obj\s*<<[\s\S]*?\/Type\s*\/Page\b(?!s)/.exec(text)?.[1] ?? '3')
      const update = `\n${page} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [] >>\nendobj\n%%EOF\n`
      const updated = new Uint8Array([...pdf, ...new TextEncoder().encode(update)])
      expect((await classifyPdf(updated)).pages).toBe(1)
    }
    const threePages = await makeScannedPdf({ dpi: 50, pages: 3 })
    expect((await classifyPdf(threePages)).pages).toBe(3)
  })
})

describe('scans with an OCR text layer', () => {
  it('recognises a full-page image under invisible text (Tr 3) as a scan, and visible text over it as not', async () => {
    expect(await classifyPdf(await makeOcrScanPdf())).toMatchObject({ scanned: true, hasText: true })
    expect(await classifyPdf(await makeOcrScanPdf({ visible: true }))).toMatchObject({ scanned: false })
  })
})
