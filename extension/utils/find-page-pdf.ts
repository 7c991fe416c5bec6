/**
 * The document a page shows as a PDF (a PDF viewer, `<embed>`, `<object>` or `<iframe>`, or a
 * webmail's attachment preview), read when the official asks to sign it from the print
 * nudge: same-origin or `blob:` addresses only (what the page itself can read), PDFs only, at
 * most `maxBytes`. The consent window then shows those very bytes.
 * @module
 */
import type { Attachment } from './attachments.ts'
import { classifyPdf } from './pdf-detect.ts'

const SELECTORS = [
  'embed[type="application/pdf"]',
  'object[type="application/pdf"]',
  'embed[src*=".pdf" i]',
  'object[data*=".pdf" i]',
  'iframe[src*=".pdf" i]',
  'iframe[src^="blob:"]',
]

const addressOf = (el: Element): string | null =>
  el.getAttribute(el instanceof HTMLObjectElement ? 'data' : 'src')

const fileNameOf = (url: URL): string => {
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '')
  return /\.pdf$/i.test(last) ? last : 'van-ban.pdf'
}

/** @returns the PDF shown on the page as an attachment, or null when there is none to read */
export const findPagePdf = async ({
  doc,
  maxBytes,
  fetchImpl = fetch,
}: {
  doc: Document
  maxBytes: number
  fetchImpl?: typeof fetch
}): Promise<Attachment | null> => {
  const origin = doc.location.origin
  for (const el of doc.querySelectorAll(SELECTORS.join(','))) {
    const raw = addressOf(el)
    if (!raw) continue
    let url: URL
    try {
      url = new URL(raw, doc.baseURI)
    } catch {
      continue
    }
    if (url.protocol !== 'blob:' && url.origin !== origin) continue
    try {
      const response = await fetchImpl(url.href, { credentials: 'include' })
      const length = Number(response.headers.get('content-length') ?? 0)
      if (!response.ok || length > maxBytes) continue
      const bytes = new Uint8Array(await response.arrayBuffer())
      if (bytes.length > maxBytes) continue
      const classification = await classifyPdf(bytes)
      if (!classification.isPdf) continue
      const file = new File([bytes], fileNameOf(url), { type: 'application/pdf' })
      return { file, name: file.name, size: file.size, classification, order: 0 }
    } catch {}
  }
  return null
}
