import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { createBackgroundRouter, type RouterDeps } from '../../../extension/utils/background-router.ts'
import { sha256Hex } from '../../../extension/utils/base64.ts'
import {
  type ConsentPersistence,
  createConsentStore,
  inMemoryPersistence,
  isExtensionPage,
  pageOriginOf,
  preparedKey,
} from '../../../extension/utils/consent.ts'
import type { ConsentEndedMessage, RouteResultMessage } from '../../../extension/utils/messages.ts'
import { createPdfHandoff, type PdfHandoff } from '../../../extension/utils/pdf-handoff.ts'
import { CANCEL_MESSAGES } from '../../../extension/utils/texts.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop'
const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`
const contentSender = (url = 'https://mail.hanoi.gov.vn/?_task=mail&_action=compose') => ({
  id: EXT_ID,
  url,
  origin: new URL(url).origin,
  tab: { id: 7, url },
  frameId: 0,
})
const pageSender = {
  id: EXT_ID,
  url: `${EXT_ORIGIN}consent.html?request=x`,
  tab: { id: 9, url: `${EXT_ORIGIN}consent.html` },
}

describe('pageOriginOf', () => {
  it('takes the origin from the browser sender, preferring sender.origin', () => {
    expect(pageOriginOf(contentSender(), EXT_ID)).toBe('https://mail.hanoi.gov.vn')
    expect(pageOriginOf({ id: EXT_ID, tab: { id: 1, url: 'http://127.0.0.1:8080/a?b' } }, EXT_ID)).toBe(
      'http://127.0.0.1:8080',
    )
  })

  it.each([
    ['another extension', { ...contentSender(), id: 'other' }],
    ['no tab', { id: EXT_ID, url: 'https://mail.hanoi.gov.vn/' }],
    ['a file: page', contentSender('file:///home/a.html')],
    ['no url at all', { id: EXT_ID, tab: { id: 1 } }],
  ])('refuses a request from %s', (_name, sender) => {
    expect(() => pageOriginOf(sender, EXT_ID)).toThrow()
  })
})

describe('isExtensionPage', () => {
  it.each([
    [pageSender, true],
    [contentSender(), false],
    [{ ...pageSender, id: 'other' }, false],
    [{ id: EXT_ID, url: 'chrome-extension://someoneelse/consent.html' }, false],
  ])('%j → %s', (sender, expected) => {
    expect(isExtensionPage(sender, EXT_ID, EXT_ORIGIN)).toBe(expected)
  })
})

describe('background router consent handling', () => {
  let opened: string[], notified: Array<{ tabId: number; message: RouteResultMessage }>
  let pages: ConsentEndedMessage[], route: ReturnType<typeof createBackgroundRouter>, handoff: PdfHandoff
  let stored: ConsentPersistence, consents: ReturnType<typeof createConsentStore>

  beforeEach(() => {
    handoff = createPdfHandoff()
    stored = inMemoryPersistence()
    consents = createConsentStore({ persistence: stored })
    fakeBrowser.reset()
    opened = []
    notified = []
    pages = []
    const deps: RouterDeps = {
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      consents,
      handoff,
      // no API in these tests: consent must be settled before anything reaches it
      api: () => Promise.reject(new Error('no API in this test')),
      documentSystems: async () => [],
      openConsentWindow: async (id) => {
        opened.push(id)
        return 42
      },
      notifyTab: async (tabId, _frameId, message) => {
        notified.push({ tabId, message })
      },
      notifyPages: async (message) => {
        pages.push(message)
      },
      syncScripts: async () => [],
      log: () => {},
    }
    route = createBackgroundRouter(deps)
  })

  /** what the content script and the extension's frame do: a ticket, the bytes stored under it */
  const handOff = async (pdf: Uint8Array<ArrayBuffer>, sender = contentSender()) => {
    const { ticket } = (await route({ type: 'handoff-ticket' }, sender)) as { ticket: string }
    expect(await handoff.accept(ticket, new Blob([pdf]))).toBe(true)
    return ticket
  }

  const start = async (extra: Record<string, unknown> = {}) => {
    const pdf = await makeTextPdf()
    const answer = (await route(
      {
        type: 'start-route',
        kind: 'unsigned_attachment',
        fileName: 'QD_123_QĐ-UBND.pdf',
        pdfTicket: await handOff(pdf),
        notation: null,
        subject: 'Gửi quyết định',
        pages: 1,
        signatureCount: 0,
        ...extra,
      },
      contentSender(),
    )) as { ok: boolean; requestId: string }
    return { pdf, answer }
  }

  it('opens the consent window with the browser-reported origin, the number and the SHA-256, ignoring a page-claimed origin', async () => {
    const { pdf, answer } = await start({ origin: 'https://trusted.gov.vn' })
    expect(answer.ok).toBe(true)
    expect(opened).toEqual([answer.requestId])
    const view = await route({ type: 'consent-get', requestId: answer.requestId }, pageSender)
    expect(view).toMatchObject({
      origin: 'https://mail.hanoi.gov.vn',
      fileName: 'QD_123_QĐ-UBND.pdf',
      notation: '123/QĐ-UBND',
      typeName: 'Quyết định',
      sha256: await sha256Hex(pdf),
      signatureCount: 0,
    })
  })

  it('does not let a content script read or confirm consent', async () => {
    const { answer } = await start()
    const read = await route({ type: 'consent-get', requestId: answer.requestId }, contentSender())
    expect(read).toMatchObject({ ok: false })
    const header = {
      to: ['000.00.02.H56'],
      notation: '1/QĐ-UBND',
      place: 'Hà Nội',
      promulgatedAt: '2026-11-20',
      type: 'Quyết định',
      subject: 'x',
    }
    const confirm = await route(
      { type: 'consent-confirm', requestId: answer.requestId, header, sha256: '0'.repeat(64) },
      contentSender(),
    )
    expect(confirm).toMatchObject({ ok: false })
    // the request is still there for the real consent window
    expect(await route({ type: 'consent-get', requestId: answer.requestId }, pageSender)).toMatchObject({
      requestId: answer.requestId,
    })
  })

  it('tells the page when the official cancels, and a request is used once', async () => {
    const { answer } = await start()
    await route({ type: 'consent-cancel', requestId: answer.requestId }, pageSender)
    expect(notified).toEqual([
      {
        tabId: 7,
        message: {
          type: 'route-result',
          requestId: answer.requestId,
          outcome: { ok: false, cancelled: true, message: 'Đã hủy.' },
        },
      },
    ])
    expect(await route({ type: 'consent-get', requestId: answer.requestId }, pageSender)).toBeNull()
  })

  it('keeps the exact bytes for the consent window (IndexedDB, not the message), and signs nothing but bytes with the hash it showed', async () => {
    const { pdf, answer } = await start()
    const view = (await route({ type: 'consent-get', requestId: answer.requestId }, pageSender)) as Record<
      string,
      unknown
    >
    expect(Object.keys(view).some((key) => /pdf/i.test(key))).toBe(false)
    const bytes = await stored.getBytes(answer.requestId)
    expect(bytes && Buffer.from(bytes).equals(Buffer.from(pdf))).toBe(true)
    const outcome = await route(
      {
        type: 'consent-confirm',
        requestId: answer.requestId,
        sha256: 'a'.repeat(64),
        preparedSha256: 'b'.repeat(64),
      },
      pageSender,
    )
    expect(outcome).toEqual({ ok: false, cancelled: false, message: CANCEL_MESSAGES.hashMismatch })
    expect(notified.map((n) => n.message.outcome)).toEqual([outcome])
  })

  it('prepares only the file shown, and signs only the prepared revision the window showed, byte for byte', async () => {
    const { pdf, answer } = await start()
    const sha256 = await sha256Hex(pdf)
    expect(
      await route(
        { type: 'consent-prepare', requestId: answer.requestId, sha256: 'a'.repeat(64) },
        pageSender,
      ),
    ).toEqual({ ok: false, message: CANCEL_MESSAGES.hashMismatch })
    // nothing prepared yet: nothing to sign
    const confirm = (preparedSha256: string) =>
      route({ type: 'consent-confirm', requestId: answer.requestId, sha256, preparedSha256 }, pageSender)
    const unprepared = await confirm('b'.repeat(64))
    expect(unprepared).toEqual({ ok: false, cancelled: false, message: CANCEL_MESSAGES.notPrepared })

    // a revision prepared and shown, then changed where it is kept: refused before the API is reached
    // its own file's hash: two files made a second apart differ in their creation date
    const second = await start()
    const again = second.answer
    const revision = await makeTextPdf({ text: 'ban se ky' })
    const prepared = {
      sessionId: 's1',
      role: 'approver' as const,
      toBeSigned: null,
      certificateSerial: null,
      preparedSha256: await sha256Hex(revision),
      issuance: null,
      remote: false,
      appearance: null,
    }
    expect(await consents.attachPrepared(again.requestId, prepared, revision)).toBe(true)
    const changed = new Uint8Array(revision)
    changed[20] = (changed[20] ?? 0) ^ 1
    await stored.putBytes(preparedKey(again.requestId), changed)
    const outcome = await route(
      {
        type: 'consent-confirm',
        requestId: again.requestId,
        sha256: await sha256Hex(second.pdf),
        preparedSha256: prepared.preparedSha256,
      },
      pageSender,
    )
    expect(outcome).toEqual({ ok: false, cancelled: false, message: CANCEL_MESSAGES.preparedMismatch })
    expect(await stored.byteIds()).toEqual([])
  })

  it('cancels a request when its page reports the attachment changed, only for its own tab', async () => {
    const { answer } = await start()
    const otherTab = { ...contentSender(), tab: { id: 8, url: contentSender().url } }
    expect(
      await route(
        { type: 'cancel-route', requestId: answer.requestId, reason: 'attachment-changed' },
        otherTab,
      ),
    ).toEqual({ ok: true, cancelled: false })
    expect(
      await route(
        { type: 'cancel-route', requestId: answer.requestId, reason: 'attachment-changed' },
        contentSender(),
      ),
    ).toEqual({ ok: true, cancelled: true })
    expect(notified.map((n) => [n.tabId, n.message.outcome])).toEqual([
      [7, { ok: false, cancelled: true, message: CANCEL_MESSAGES.attachmentChanged }],
    ])
    expect(pages).toEqual([
      { type: 'consent-ended', requestId: answer.requestId, message: CANCEL_MESSAGES.attachmentChanged },
    ])
    expect(await route({ type: 'consent-get', requestId: answer.requestId }, pageSender)).toBeNull()
  })

  it('tells the page when the consent window is closed, and the window when the page is left', async () => {
    const first = (await start()).answer
    await route.windowClosed(42)
    expect(notified.map((n) => [n.tabId, n.message.requestId, n.message.outcome])).toEqual([
      [7, first.requestId, { ok: false, cancelled: true, message: CANCEL_MESSAGES.windowClosed }],
    ])
    const second = (await start()).answer
    await route.tabLeft(7)
    expect(pages).toEqual([
      { type: 'consent-ended', requestId: second.requestId, message: CANCEL_MESSAGES.tabLeft },
    ])
    expect(await route({ type: 'consent-get', requestId: second.requestId }, pageSender)).toBeNull()
  })

  it('keeps a pending request, bytes included, for a restarted background', async () => {
    const persistence = inMemoryPersistence()
    const pdf = await makeTextPdf()
    const before = createConsentStore({ persistence })
    const request = await before.create(contentSender(), EXT_ID, {
      fileName: 'a.pdf',
      pdf,
      notation: null,
      subject: null,
      pages: 1,
      signatureCount: 0,
    })
    const after = createConsentStore({ persistence })
    const taken = await after.take(request.requestId)
    expect(taken?.sha256).toBe(await sha256Hex(pdf))
    expect(taken?.pdf && Buffer.from(taken.pdf).equals(Buffer.from(pdf))).toBe(true)
    expect(await persistence.byteIds()).toEqual([])
  })

  it('refuses to start a request from a page that is not http(s)', async () => {
    const answer = await route(
      {
        type: 'start-route',
        kind: 'print',
        fileName: null,
        pdfTicket: null,
        notation: null,
        subject: null,
        pages: null,
        signatureCount: null,
      },
      contentSender('file:///tmp/x.html'),
    )
    expect(answer).toMatchObject({ ok: false })
    expect(opened).toEqual([])
  })

  it('takes handed-off bytes only with a ticket issued to the same tab, once', async () => {
    const pdf = await makeTextPdf()
    // the frame stores nothing under a ticket the background did not issue
    expect(await handoff.accept(crypto.randomUUID(), new Blob([pdf]))).toBe(false)
    const message = (pdfTicket: string) => ({
      type: 'start-route',
      kind: 'unsigned_attachment',
      fileName: 'a.pdf',
      pdfTicket,
      notation: null,
      subject: null,
      pages: 1,
      signatureCount: 0,
    })
    const ticket = await handOff(pdf)
    const otherTab = { ...contentSender(), tab: { id: 8, url: contentSender().url } }
    expect(await route(message(ticket), otherTab)).toEqual({
      ok: false,
      cancelled: false,
      message: CANCEL_MESSAGES.handoffFailed,
    })
    expect(opened).toEqual([])
    const ticket2 = await handOff(pdf)
    const answer = (await route(message(ticket2), contentSender())) as { ok: boolean; requestId: string }
    expect(answer.ok).toBe(true)
    const view = (await route({ type: 'consent-get', requestId: answer.requestId }, pageSender)) as {
      sha256: string
    }
    expect(view.sha256).toBe(await sha256Hex(pdf))
    // used once
    expect(await route(message(ticket2), contentSender())).toMatchObject({ ok: false })
    // and tickets are for tabs only
    expect(await route({ type: 'handoff-ticket' }, pageSender)).toMatchObject({ ok: false })
  })

  it('sends no nudge count when the official did not agree to counts (Firefox data-collection consent)', async () => {
    let calls = 0
    const deps = (allowed: boolean): RouterDeps => ({
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      consents: createConsentStore(),
      handoff: createPdfHandoff(),
      api: async () => {
        calls++
        return { recordNudge: async () => {} } as unknown as Awaited<ReturnType<RouterDeps['api']>>
      },
      documentSystems: async () => [],
      openConsentWindow: async () => 1,
      notifyTab: async () => {},
      syncScripts: async () => [],
      log: () => {},
      countsAllowed: async () => allowed,
    })
    const nudge = { type: 'nudge', kind: 'scanned_paper', action: 'shown' }
    expect(await createBackgroundRouter(deps(false))(nudge, contentSender())).toEqual({
      ok: true,
      counted: false,
    })
    expect(calls).toBe(0)
    expect(await createBackgroundRouter(deps(true))(nudge, contentSender())).toEqual({ ok: true })
    expect(calls).toBe(1)
  })

  it('drops requests after fifteen minutes', async () => {
    let now = 0
    const store = createConsentStore({ now: () => now, newId: () => 'r1' })
    await store.create(contentSender(), EXT_ID, {
      fileName: null,
      pdf: null,
      notation: null,
      subject: null,
      pages: null,
      signatureCount: null,
    })
    expect(await store.view('r1')).not.toBeNull()
    now = 15 * 60 * 1000 + 1
    expect(await store.view('r1')).toBeNull()
  })
})
