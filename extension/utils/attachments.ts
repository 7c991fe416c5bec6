/**
 * Files the official attached on this page (file inputs and drops), each classified once.
 * Bytes stay in the page's extension context; they leave only when the official confirms
 * signing in the extension's consent window.
 * @module
 */
import { classifyPdf, type PdfClassification } from './pdf-detect.ts'

export type Attachment = {
  name: string
  size: number
  bytes: Uint8Array<ArrayBuffer>
  classification: PdfClassification
}

type Listener = (attachment: Attachment) => void

const looksLikePdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name)

export const createAttachmentRegistry = ({
  maxBytes,
  onError = () => {},
}: {
  maxBytes: number
  /** a file the browser could not read or the detector could not classify */
  onError?: (name: string, error: unknown) => void
}) => {
  const byName = new Map<string, Attachment>()
  const pending = new Set<Promise<unknown>>()
  const listeners: Listener[] = []

  const add = (file: File): Promise<void> => {
    if (!looksLikePdf(file) || file.size > maxBytes) return Promise.resolve()
    // a file that cannot be read stays unclassified: the send it rides on is neither held nor lost
    const job = (async () => {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const classification = await classifyPdf(bytes)
      if (!classification.isPdf) return
      const attachment: Attachment = { name: file.name, size: file.size, bytes, classification }
      byName.set(file.name, attachment)
      for (const listener of listeners) listener(attachment)
    })().catch((error: unknown) => onError(file.name, error))
    pending.add(job)
    return job.finally(() => pending.delete(job))
  }

  return {
    addFiles: (files: Iterable<File>) => Promise.all(Array.from(files, add)).then(() => undefined),
    /** waits for classifications still running (a send right after attaching) */
    settled: () => Promise.all([...pending]).then(() => undefined),
    get busy() {
      return pending.size > 0
    },
    onAdded: (listener: Listener) => {
      listeners.push(listener)
    },
    /**
     * @param listedNames names the page lists as attached; when it lists none we cannot tell
     *   removals apart, so every file seen counts
     */
    current: (listedNames: readonly string[]): Attachment[] => {
      const all = [...byName.values()]
      if (listedNames.length === 0) return all
      return all.filter((a) => listedNames.some((listed) => listed === a.name || listed.includes(a.name)))
    },
    remove: (name: string) => byName.delete(name),
    get size() {
      return byName.size
    },
  }
}

export type AttachmentRegistry = ReturnType<typeof createAttachmentRegistry>
