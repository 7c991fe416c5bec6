import { describe, expect, it } from 'vitest'
import { classifyPdf } from '../../../extension/utils/pdf-detect.ts'
import { readPdfSparse } from '../../../extension/utils/read-pdf-sparse.ts'
import { makeEachKindOfPdf, makeScannedPdf } from '../helpers/make-pdfs.ts'

/** a Blob that counts the bytes read through it */
const counting = (bytes: Uint8Array) => {
  const blob = new Blob([new Uint8Array(bytes)])
  let read = 0
  // readPdfSparse uses a Blob's size and slices only
  const file = {
    size: blob.size,
    slice: (start?: number, end?: number) => {
      const part = blob.slice(start, end)
      read += part.size
      return part
    },
  } as Blob
  return { file, read: () => read }
}

describe('readPdfSparse', { timeout: 60_000 }, () => {
  it('classifies a large scan like the whole file while reading a small part of it', async () => {
    const scan = await makeScannedPdf({ dpi: 200, noise: true })
    expect(scan.length).toBeGreaterThan(10_000_000)
    const { file, read } = counting(scan)
    const sparse = await readPdfSparse(file)
    expect(sparse.length).toBe(scan.length)
    expect(await classifyPdf(sparse)).toEqual(await classifyPdf(scan))
    expect((await classifyPdf(sparse)).scanned).toBe(true)
    expect(read()).toBeLessThan(600_000)
  })

  it('reads every byte the classifier uses in other PDFs', async () => {
    for (const pdf of await makeEachKindOfPdf()) {
      expect(await classifyPdf(await readPdfSparse(new Blob([new Uint8Array(pdf)])))).toEqual(
        await classifyPdf(pdf),
      )
    }
  })
})
