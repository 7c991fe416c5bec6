/**
 * Consent requests: who asked (the page origin as the browser reports it, never as the page
 * claims), for which file (SHA-256 computed here), single use, short-lived. Consent itself is
 * only accepted from the extension's own pages.
 * @module
 */
import { sha256Hex } from './base64.ts'
import { firstDocumentNumber } from './document-number.ts'
import type { ConsentView } from './messages.ts'

/** The parts of `runtime.MessageSender` the checks use. */
export type SenderInfo = {
  id?: string
  url?: string
  origin?: string
  tab?: { id?: number; url?: string }
  frameId?: number
}

/**
 * @returns the origin of the web page a content-script message came from
 * @throws Error when the sender is not this extension's content script in an http(s) page
 */
export const pageOriginOf = (sender: SenderInfo, extensionId: string): string => {
  if (sender.id !== extensionId) throw new Error('Yêu cầu không đến từ tiện ích này.')
  if (!sender.tab || sender.tab.id === undefined) throw new Error('Yêu cầu không đến từ một thẻ trình duyệt.')
  const raw = sender.origin ?? sender.url ?? sender.tab.url
  if (!raw) throw new Error('Không xác định được trang gửi yêu cầu.')
  let origin: string
  try {
    origin = new URL(raw).origin
  } catch {
    throw new Error('Không xác định được trang gửi yêu cầu.')
  }
  if (!/^https?:\/\//.test(origin)) throw new Error('Chỉ nhận yêu cầu từ trang web http(s).')
  return origin
}

/** Whether a message comes from one of this extension's own pages (consent window, popup, options). */
export const isExtensionPage = (
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): boolean => {
  if (sender.id !== extensionId || !sender.url) return false
  try {
    // compare scheme and host: URL.origin is "null" for extension schemes outside the browser
    const from = new URL(sender.url)
    const own = new URL(extensionOrigin)
    return own.host !== '' && from.protocol === own.protocol && from.host === own.host
  } catch {
    return false
  }
}

export type ConsentRequest = ConsentView & {
  tabId: number
  frameId: number
  pdf: Uint8Array<ArrayBuffer> | null
  createdAt: number
}

export type NewConsentRequest = {
  fileName: string | null
  pdf: Uint8Array<ArrayBuffer> | null
  notation: string | null
  subject: string | null
  pages: number | null
  signatureCount: number | null
}

const TTL_MS = 15 * 60 * 1000

/** In-memory, single-use consent requests. `now` and `newId` are injectable for tests. */
export const createConsentStore = ({
  now = () => Date.now(),
  newId = () => crypto.randomUUID(),
}: {
  now?: () => number
  newId?: () => string
} = {}) => {
  const pending = new Map<string, ConsentRequest>()
  const sweep = () => {
    for (const [id, request] of pending) if (now() - request.createdAt > TTL_MS) pending.delete(id)
  }
  return {
    /** @param sender the browser's sender of the content-script message, source of origin and tab */
    async create(sender: SenderInfo, extensionId: string, input: NewConsentRequest): Promise<ConsentRequest> {
      sweep()
      const origin = pageOriginOf(sender, extensionId)
      const found = firstDocumentNumber(input.notation, input.subject, input.fileName)
      const request: ConsentRequest = {
        requestId: newId(),
        origin,
        fileName: input.fileName,
        sha256: input.pdf ? await sha256Hex(input.pdf) : null,
        notation: found?.notation ?? input.notation,
        codeNumber: found?.codeNumber ?? null,
        typeName: found?.typeName ?? null,
        subject: input.subject,
        pages: input.pages,
        signatureCount: input.signatureCount,
        tabId: sender.tab?.id ?? -1,
        frameId: sender.frameId ?? 0,
        pdf: input.pdf,
        createdAt: now(),
      }
      pending.set(request.requestId, request)
      return request
    },
    view(requestId: string): ConsentView | null {
      sweep()
      const request = pending.get(requestId)
      if (!request) return null
      const { tabId: _t, frameId: _f, pdf: _p, createdAt: _c, ...view } = request
      return view
    },
    /** Removes and returns the request: consent is given once. */
    take(requestId: string): ConsentRequest | null {
      sweep()
      const request = pending.get(requestId) ?? null
      pending.delete(requestId)
      return request
    },
    get size() {
      return pending.size
    },
  }
}

export type ConsentStore = ReturnType<typeof createConsentStore>
