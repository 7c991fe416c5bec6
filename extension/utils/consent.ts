/**
 * Consent requests: who asked (the page origin as the browser reports it, never as the page
 * claims), for which file (SHA-256 computed here), single use, short-lived. Consent itself is
 * only accepted from the extension's own pages.
 * @module
 */
import { sha256Hex } from './base64.ts'
import { firstDocumentNumber } from './document-number.ts'
import type { ConsentView } from './messages.ts'
import type { PreparedSigning } from './sign-and-route.ts'

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
  /** the consent window showing it, once open: closing that window cancels the request */
  windowId: number | null
  /** the signing session the server prepared for it, once the consent window asked for one */
  prepared?: PreparedSigning | null
}

/** Where the prepared revision's bytes are kept, beside the request's own. */
export const preparedKey = (requestId: string) => `${requestId}:prepared`

/** What is kept between service-worker restarts: everything but the bytes. */
export type StoredRequest = Omit<ConsentRequest, 'pdf'>

export type NewConsentRequest = {
  /** only for requests the extension itself starts (drafts from the popup): no page, no tab */
  draft?: { id: string; origin: string }
  fileName: string | null
  pdf: Uint8Array<ArrayBuffer> | null
  notation: string | null
  subject: string | null
  pages: number | null
  signatureCount: number | null
}

/**
 * Where pending requests live, so they outlive the service worker (Chrome stops it after
 * ~30 s idle): metadata in `storage.session`, bytes in IndexedDB (no base64, no quota of
 * `storage.session`). The defaults keep both in memory (tests).
 */
export type ConsentPersistence = {
  readAll: () => Promise<StoredRequest[]>
  writeAll: (requests: StoredRequest[]) => Promise<void>
  putBytes: (id: string, bytes: Uint8Array<ArrayBuffer>) => Promise<void>
  getBytes: (id: string) => Promise<Uint8Array<ArrayBuffer> | null>
  deleteBytes: (id: string) => Promise<void>
  /** ids that have bytes stored, to drop what a browser restart orphaned */
  byteIds: () => Promise<string[]>
}

export const inMemoryPersistence = (): ConsentPersistence => {
  let requests: StoredRequest[] = []
  const bytes = new Map<string, Uint8Array<ArrayBuffer>>()
  return {
    readAll: async () => requests,
    writeAll: async (next) => {
      requests = next
    },
    putBytes: async (id, data) => {
      bytes.set(id, data)
    },
    getBytes: async (id) => bytes.get(id) ?? null,
    deleteBytes: async (id) => {
      bytes.delete(id)
    },
    byteIds: async () => [...bytes.keys()],
  }
}

/** How long the official has to confirm; the page gives up a little later (see feature-context.ts). */
export const CONSENT_TTL_MS = 15 * 60 * 1000

/** Single-use consent requests. `now`, `newId` and `persistence` are injectable for tests. */
export const createConsentStore = ({
  now = () => Date.now(),
  newId = () => crypto.randomUUID(),
  persistence = inMemoryPersistence(),
  ttlMs = CONSENT_TTL_MS,
}: {
  now?: () => number
  newId?: () => string
  persistence?: ConsentPersistence
  ttlMs?: number
} = {}) => {
  // one read-modify-write at a time: messages and window/tab events arrive concurrently
  let tail: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = tail.then(job, job)
    tail = next.catch(() => undefined)
    return next
  }
  const live = async (): Promise<StoredRequest[]> => {
    const all = await persistence.readAll()
    const kept = all.filter((r) => now() - r.createdAt <= ttlMs)
    if (kept.length !== all.length) {
      await persistence.writeAll(kept)
      for (const r of all)
        if (!kept.includes(r)) {
          await persistence.deleteBytes(r.requestId)
          await persistence.deleteBytes(preparedKey(r.requestId))
        }
    }
    return kept
  }
  const remove = async (
    predicate: (r: StoredRequest) => boolean,
  ): Promise<Array<ConsentRequest & { preparedPdf: Uint8Array<ArrayBuffer> | null }>> => {
    const all = await live()
    const removed = all.filter(predicate)
    if (removed.length === 0) return []
    await persistence.writeAll(all.filter((r) => !predicate(r)))
    const out: Array<ConsentRequest & { preparedPdf: Uint8Array<ArrayBuffer> | null }> = []
    for (const r of removed) {
      out.push({
        ...r,
        pdf: await persistence.getBytes(r.requestId),
        preparedPdf: r.prepared ? await persistence.getBytes(preparedKey(r.requestId)) : null,
      })
      await persistence.deleteBytes(r.requestId)
      await persistence.deleteBytes(preparedKey(r.requestId))
    }
    return out
  }
  return {
    /** @param sender the browser's sender of the content-script message, source of origin and tab */
    create: (
      sender: SenderInfo | null,
      extensionId: string,
      input: NewConsentRequest,
    ): Promise<ConsentRequest> =>
      serial(async () => {
        const origin = sender ? pageOriginOf(sender, extensionId) : input.draft?.origin
        if (!origin) throw new Error('Không xác định được nơi yêu cầu ký.')
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
          tabId: sender?.tab?.id ?? -1,
          frameId: sender?.frameId ?? 0,
          pdf: input.pdf,
          createdAt: now(),
          windowId: null,
          draftId: input.draft?.id ?? null,
        }
        const { pdf, ...stored } = request
        if (pdf) await persistence.putBytes(request.requestId, pdf)
        await persistence.writeAll([...(await live()), stored])
        return request
      }),
    /** @returns what the consent window shows, with the bytes it renders and hashes itself */
    view: (requestId: string): Promise<(ConsentView & { pdf: Uint8Array<ArrayBuffer> | null }) | null> =>
      serial(async () => {
        const request = (await live()).find((r) => r.requestId === requestId)
        if (!request) return null
        const { tabId: _t, frameId: _f, createdAt: _c, windowId: _w, prepared: _p, ...view } = request
        return { ...view, pdf: await persistence.getBytes(requestId) }
      }),
    /** Records which window shows the request. */
    attachWindow: (requestId: string, windowId: number): Promise<void> =>
      serial(async () => {
        const all = await live()
        await persistence.writeAll(all.map((r) => (r.requestId === requestId ? { ...r, windowId } : r)))
      }),
    /**
     * Keeps the signing session prepared for the request and its revision's bytes (replacing
     * an earlier one: the official changed the number, the date or the signing method).
     * @returns false when the request is gone
     */
    attachPrepared: (
      requestId: string,
      prepared: PreparedSigning,
      bytes: Uint8Array<ArrayBuffer>,
    ): Promise<boolean> =>
      serial(async () => {
        const all = await live()
        if (!all.some((r) => r.requestId === requestId)) return false
        await persistence.putBytes(preparedKey(requestId), bytes)
        await persistence.writeAll(all.map((r) => (r.requestId === requestId ? { ...r, prepared } : r)))
        return true
      }),
    /** Removes and returns the request (with its prepared revision's bytes): consent is given once. */
    take: (
      requestId: string,
    ): Promise<(ConsentRequest & { preparedPdf: Uint8Array<ArrayBuffer> | null }) | null> =>
      serial(async () => (await remove((r) => r.requestId === requestId))[0] ?? null),
    /** Removes and returns the requests matching `predicate`. */
    takeWhere: (predicate: (r: StoredRequest) => boolean): Promise<ConsentRequest[]> =>
      serial(() => remove(predicate)),
    /** Removes and returns the requests shown in this window (it was closed). */
    takeByWindow: (windowId: number): Promise<ConsentRequest[]> =>
      serial(() => remove((r) => r.windowId === windowId)),
    /** Removes and returns the requests started from this tab (it closed or left the page). */
    takeByTab: (tabId: number): Promise<ConsentRequest[]> => serial(() => remove((r) => r.tabId === tabId)),
    /** Drops expired requests and bytes a browser restart left without a request. */
    sweep: (): Promise<void> =>
      serial(async () => {
        const ids = new Set((await live()).map((r) => r.requestId))
        for (const id of await persistence.byteIds())
          if (!ids.has(id.replace(/:prepared$/, ''))) await persistence.deleteBytes(id)
      }),
    size: (): Promise<number> => serial(async () => (await live()).length),
  }
}

export type ConsentStore = ReturnType<typeof createConsentStore>
