/**
 * PDF bytes from a content script to the background without base64: `runtime.sendMessage` is
 * JSON-only in Chromium, so a 20 MB PDF became a 27 MB string encoded and parsed on the page's
 * thread. Instead the content script posts the bytes (structured clone, binary) to a hidden
 * frame of the extension's own `handoff.html`, which stores them in the extension's IndexedDB
 * under a single-use ticket the background issued to that tab; the content script then names
 * the ticket in its `start-route` message and the background takes the bytes from IndexedDB.
 * The ticket travels only in the content script's message to the frame, so the page cannot
 * store bytes under it; a ticket is valid for one tab, once, for two minutes.
 * @module
 */
import { storage } from 'wxt/utils/storage'

export const HANDOFF_TTL_MS = 2 * 60 * 1000

export type HandoffTicket = {
  ticket: string
  tabId: number
  frameId: number
  createdAt: number
  /** where the extension's frame holds the bytes (a blob: URL of the extension's origin) */
  url?: string
}

/**
 * Tickets live in `storage.session` (extension contexts only; content scripts and pages cannot
 * read or write it); the bytes in a blob of the extension's frame, which the background fetches.
 */
export type HandoffPersistence = {
  readTickets: () => Promise<HandoffTicket[]>
  writeTickets: (tickets: HandoffTicket[]) => Promise<void>
  /** the frame: a URL the background can fetch the bytes from */
  publish: (file: Blob) => string
  fetchBytes: (url: string) => Promise<Uint8Array<ArrayBuffer>>
}

export const inMemoryHandoffPersistence = (): HandoffPersistence => {
  let tickets: HandoffTicket[] = []
  const blobs = new Map<string, Blob>()
  return {
    readTickets: async () => tickets,
    writeTickets: async (next) => {
      tickets = next
    },
    publish: (file) => {
      const url = `memory:${blobs.size}`
      blobs.set(url, file)
      return url
    },
    fetchBytes: async (url) => {
      const file = blobs.get(url)
      if (!file) throw new Error('gone')
      return new Uint8Array(await file.arrayBuffer())
    },
  }
}

const ticketsItem = storage.defineItem<HandoffTicket[]>('session:pdfHandoffTickets', { fallback: [] })

export const browserHandoffPersistence = (): HandoffPersistence => ({
  readTickets: () => ticketsItem.getValue(),
  writeTickets: (tickets) => ticketsItem.setValue(tickets),
  publish: (file) => URL.createObjectURL(file),
  fetchBytes: async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()),
})

export const createPdfHandoff = ({
  persistence = inMemoryHandoffPersistence(),
  now = () => Date.now(),
  newId = () => crypto.randomUUID(),
  maxBytes = Number.POSITIVE_INFINITY,
}: {
  persistence?: HandoffPersistence
  now?: () => number
  newId?: () => string
  maxBytes?: number
} = {}) => {
  const live = async () =>
    (await persistence.readTickets()).filter((t) => now() - t.createdAt <= HANDOFF_TTL_MS)
  return {
    /** background: a ticket for this tab's frame */
    issue: async (owner: { tabId: number; frameId: number }): Promise<string> => {
      const ticket = newId()
      await persistence.writeTickets([...(await live()), { ticket, ...owner, createdAt: now() }])
      return ticket
    },
    /** the extension's frame: holds the bytes if the ticket is one the background issued, once */
    accept: async (ticket: string, file: Blob): Promise<boolean> => {
      const all = await live()
      const found = all.find((t) => t.ticket === ticket)
      if (file.size > maxBytes || !found || found.url) return false
      const url = persistence.publish(file)
      await persistence.writeTickets(all.map((t) => (t === found ? { ...t, url } : t)))
      return true
    },
    /** background: the bytes handed off under this ticket by this tab's frame, once */
    take: async (ticket: string, owner: { tabId: number; frameId: number }) => {
      const all = await live()
      const found = all.find((t) => t.ticket === ticket)
      if (!found?.url || found.tabId !== owner.tabId || found.frameId !== owner.frameId) return null
      await persistence.writeTickets(all.filter((t) => t !== found))
      return persistence.fetchBytes(found.url).catch(() => null)
    },
  }
}

export type PdfHandoff = ReturnType<typeof createPdfHandoff>

/**
 * the frame's message: the ticket, the file (a Blob is passed by reference: no copy of its bytes
 * on the page's thread), and a port for the answer
 */
export type HandoffPost = { type: 'trolyso-pdf-handoff'; ticket: string; file: Blob }

/**
 * Content script: posts the official's file to a hidden frame of the extension's `handoff.html` (in a
 * closed shadow root) and waits for it to hold them under `ticket`. @returns `release`, which
 * removes the frame (and its blob) once the background has taken the bytes
 */
export const postToHandoffFrame = ({
  doc,
  frameUrl,
  ticket,
  file,
  timeoutMs = 20_000,
}: {
  doc: Document
  frameUrl: string
  ticket: string
  file: Blob
  timeoutMs?: number
}): Promise<{ release: () => void }> => {
  const host = doc.createElement('trolyso-handoff')
  host.style.setProperty('display', 'none', 'important')
  const frame = doc.createElement('iframe')
  frame.src = frameUrl
  host.attachShadow({ mode: 'closed' }).append(frame)
  const release = () => host.remove()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('timeout'), timeoutMs)
    const fail = (reason: string) => {
      clearTimeout(timer)
      release()
      reject(new Error(`PDF hand-off failed: ${reason}`))
    }
    frame.addEventListener('load', () => {
      const channel = new MessageChannel()
      channel.port1.onmessage = (event: MessageEvent<{ ok?: boolean; error?: string }>) => {
        if (!event.data?.ok) return fail(event.data?.error ?? 'refused')
        clearTimeout(timer)
        resolve({ release })
      }
      const post: HandoffPost = { type: 'trolyso-pdf-handoff', ticket, file }
      // only the extension's frame can receive it, whatever the page does to the frame
      frame.contentWindow?.postMessage(post, new URL(frameUrl).origin, [channel.port2])
    })
    doc.documentElement.append(host)
  })
}
