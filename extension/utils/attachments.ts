/**
 * Files the official attached on this page (file inputs and drops the official made: trusted
 * events only), each read and classified once. Files are tracked by identity, not by name: a
 * page cannot replace a file by giving another one the same name, and when the official
 * attaches two files with one name the last attached wins. The File the official attached is
 * what is handed to the extension's consent window when the official asks to sign: the
 * browser's snapshot of that file (a file changed on disk since can no longer be read).
 * @module
 */
import { classifyPdf, type PdfClassification } from './pdf-detect.ts'
import { readPdfSparse } from './read-pdf-sparse.ts'

/** above this size a file is classified from the parts the classifier needs, before its bytes are read */
const SPARSE_FROM_BYTES = 2 * 1024 * 1024

export type Attachment = {
  /** the File the official attached: its identity is what the registry tracks */
  file: File
  name: string
  size: number
  classification: PdfClassification
  /** order of attaching (not of reading): the higher, the later the official attached it */
  order: number
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
  const byFile = new Map<File, Attachment>()
  /** the latest attach order per name, so a slower read of an older file cannot win */
  const latestOrder = new Map<string, number>()
  const pending = new Set<Promise<unknown>>()
  const listeners: Listener[] = []
  let counter = 0

  const add = (file: File): Promise<void> => {
    if (!looksLikePdf(file) || file.size > maxBytes) return Promise.resolve()
    const order = ++counter
    latestOrder.set(file.name, order)
    const known = byFile.get(file)
    if (known) {
      // the same file attached again: it is the latest one with that name
      known.order = order
      return Promise.resolve()
    }
    // a file that cannot be read stays unclassified: the send it rides on is neither held nor lost
    const job = (async () => {
      const bytes =
        file.size > SPARSE_FROM_BYTES ? await readPdfSparse(file) : new Uint8Array(await file.arrayBuffer())
      const classification = await classifyPdf(bytes)
      if (!classification.isPdf) return
      const attachment: Attachment = { file, name: file.name, size: file.size, classification, order }
      byFile.set(file, attachment)
      for (const listener of listeners) listener(attachment)
    })().catch((error: unknown) => onError(file.name, error))
    pending.add(job)
    return job.finally(() => pending.delete(job))
  }

  /** one attachment per name: the one attached last */
  const latest = (): Attachment[] =>
    [...byFile.values()].filter((a) => latestOrder.get(a.name) === a.order).sort((a, b) => a.order - b.order)

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
     * @returns the last attached file of each name still listed, in attach order
     */
    current: (listedNames: readonly string[]): Attachment[] => {
      const all = latest()
      if (listedNames.length === 0) return all
      return all.filter((a) => listedNames.some((listed) => listed === a.name || listed.includes(a.name)))
    },
    /** forgets every file with this name (the page no longer lists it) */
    remove: (name: string) => {
      latestOrder.delete(name)
      for (const [file, a] of byFile) if (a.name === name) byFile.delete(file)
    },
    get size() {
      return byFile.size
    },
  }
}

export type AttachmentRegistry = ReturnType<typeof createAttachmentRegistry>
