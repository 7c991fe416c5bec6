import { describe, expect, it } from 'vitest'
import { createAttachmentRegistry } from '../../../extension/utils/attachments.ts'
import { makeSignedPdf, makeTextPdf } from '../helpers/make-pdfs.ts'

const pdfFile = (bytes: Uint8Array, name: string) =>
  new File([new Uint8Array(bytes)], name, { type: 'application/pdf' })

/** a File whose bytes the browser cannot read (a vanished file, a name the OS locale cannot open) */
const unreadable = (name: string): File => {
  const file = new File(['%PDF-1.7'], name, { type: 'application/pdf' })
  Object.defineProperty(file, 'arrayBuffer', {
    value: () => Promise.reject(new DOMException('A requested file could not be read', 'NotReadableError')),
  })
  return file
}

describe('attachment registry', () => {
  it('classifies each attached PDF once and lists what the page still shows', async () => {
    const registry = createAttachmentRegistry({ maxBytes: 10_000_000 })
    const added: string[] = []
    registry.onAdded((a) => added.push(a.name))
    await registry.addFiles([
      pdfFile(await makeSignedPdf(), 'QD_123_QĐ-STP.pdf'),
      pdfFile(await makeTextPdf({ text: 'CONG VAN' }), 'cong-van.pdf'),
      new File(['xin chào'], 'ghi-chu.txt', { type: 'text/plain' }),
    ])
    expect(added.sort()).toEqual(['QD_123_QĐ-STP.pdf', 'cong-van.pdf'])
    expect(registry.size).toBe(2)
    expect(registry.busy).toBe(false)
    const signed = registry.current(['QD_123_QĐ-STP.pdf (12 kB)'])
    expect(signed.map((a) => [a.name, a.classification.signatureCount])).toEqual([['QD_123_QĐ-STP.pdf', 1]])
    expect(registry.current([]).length).toBe(2)
  })

  it('skips files above the size limit without reading them', async () => {
    const registry = createAttachmentRegistry({ maxBytes: 10 })
    await registry.addFiles([pdfFile(await makeTextPdf({ text: 'DAI' }), 'dai.pdf')])
    expect(registry.size).toBe(0)
  })

  it('reports a file it cannot read and still settles, so a send waiting on it is not swallowed', async () => {
    const errors: string[] = []
    const registry = createAttachmentRegistry({
      maxBytes: 10_000_000,
      onError: (name, error) => errors.push(`${name}: ${(error as Error).name}`),
    })
    const adding = registry.addFiles([
      unreadable('QD_9_QĐ-UBND.pdf'),
      pdfFile(await makeTextPdf({ text: 'CONG VAN' }), 'doc-duoc.pdf'),
    ])
    expect(registry.busy).toBe(true)
    await expect(registry.settled()).resolves.toBeUndefined()
    await expect(adding).resolves.toBeUndefined()
    expect(errors).toEqual(['QD_9_QĐ-UBND.pdf: NotReadableError'])
    expect(registry.current([]).map((a) => a.name)).toEqual(['doc-duoc.pdf'])
    expect(registry.busy).toBe(false)
  })

  it('tracks files by identity: the last attached of one name wins, even when an older one is read later', async () => {
    const registry = createAttachmentRegistry({ maxBytes: 10_000_000 })
    const first = pdfFile(await makeTextPdf({ text: 'BAN DAU' }), 'QD_1_QĐ-STP.pdf')
    const second = pdfFile(await makeSignedPdf(), 'QD_1_QĐ-STP.pdf')
    // the first file's bytes arrive only after the second one was read
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const read = first.arrayBuffer.bind(first)
    Object.defineProperty(first, 'arrayBuffer', { value: () => gate.then(read) })
    const adding = registry.addFiles([first])
    await registry.addFiles([second])
    release()
    await adding
    expect(registry.current(['QD_1_QĐ-STP.pdf']).map((a) => a.file)).toEqual([second])
    // attached again: the first file is the latest one with that name
    await registry.addFiles([first])
    expect(registry.current([]).map((a) => a.file)).toEqual([first])
    registry.remove('QD_1_QĐ-STP.pdf')
    expect(registry.current([])).toEqual([])
  })
})
