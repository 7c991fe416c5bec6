/**
 * Reads the exact bytes to be signed with pdf.js (bundled with its worker: no remote code, no
 * eval), for the consent window: the page count, the text of the first pages (where the
 * number and date are written) and pictures of the first pages.
 * @module
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

export type PdfPreview = {
  pages: number
  /** text of the first pages, lines joined by newlines */
  text: string
  /** what the free-text annotations of the first pages say (the issuance stamp: number, date) */
  stamps: string[]
  /** draws page `pageNumber` (1-based) into a canvas `cssWidth` pixels wide */
  render: (pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number) => Promise<void>
  close: () => Promise<void>
}

/**
 * @param bytes the document; pdf.js gets a copy (it hands its buffer to the worker)
 * @param textPages how many first pages to read text from
 * @throws Error when pdf.js cannot read the file
 */
export const openPdfPreview = async (bytes: Uint8Array, textPages = 2): Promise<PdfPreview> => {
  GlobalWorkerOptions.workerSrc = workerUrl
  // pdf.js 6 compiles nothing at run time (no eval), which the extension's CSP forbids anyway
  const task = getDocument({ data: bytes.slice(), useSystemFonts: true })
  const doc: PDFDocumentProxy = await task.promise
  const lines: string[] = []
  for (let n = 1; n <= Math.min(doc.numPages, textPages); n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    let line = ''
    for (const item of content.items) {
      if (!('str' in item)) continue
      line += item.str
      if (item.hasEOL) {
        lines.push(line)
        line = ''
      } else if (item.str && !line.endsWith(' ')) line += ' '
    }
    if (line.trim()) lines.push(line)
  }
  const stamps: string[] = []
  for (let n = 1; n <= Math.min(doc.numPages, textPages); n++) {
    for (const a of await (await doc.getPage(n)).getAnnotations()) {
      const said = (a as { subtype?: string; contentsObj?: { str?: string } }).contentsObj?.str
      if ((a as { subtype?: string }).subtype === 'FreeText' && said) stamps.push(said)
    }
  }
  return {
    pages: doc.numPages,
    text: lines.map((l) => l.trim()).join('\n'),
    stamps,
    render: async (pageNumber, canvas, cssWidth) => {
      const page = await doc.getPage(pageNumber)
      const base = page.getViewport({ scale: 1 })
      const ratio = globalThis.devicePixelRatio || 1
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio })
      canvas.width = Math.floor(viewport.width)
      canvas.height = Math.floor(viewport.height)
      canvas.style.width = `${cssWidth}px`
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`
      await page.render({ canvas, viewport }).promise
    },
    close: () => task.destroy(),
  }
}
