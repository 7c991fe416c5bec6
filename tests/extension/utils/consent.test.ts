import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { createBackgroundRouter, type RouterDeps } from '../../../extension/utils/background-router.ts'
import { sha256Hex } from '../../../extension/utils/base64.ts'
import { createConsentStore, isExtensionPage, pageOriginOf } from '../../../extension/utils/consent.ts'
import type { RouteResultMessage } from '../../../extension/utils/messages.ts'
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
  let opened: string[]
  let notified: Array<{ tabId: number; message: RouteResultMessage }>
  let route: ReturnType<typeof createBackgroundRouter>

  beforeEach(() => {
    fakeBrowser.reset()
    opened = []
    notified = []
    const deps: RouterDeps = {
      extensionId: EXT_ID,
      extensionOrigin: EXT_ORIGIN,
      consents: createConsentStore(),
      // no API in these tests: consent must be settled before anything reaches it
      api: () => Promise.reject(new Error('no API in this test')),
      documentSystems: async () => [],
      openConsentWindow: async (id) => {
        opened.push(id)
      },
      notifyTab: async (tabId, _frameId, message) => {
        notified.push({ tabId, message })
      },
      syncScripts: async () => [],
      log: () => {},
    }
    route = createBackgroundRouter(deps)
  })

  const start = async (extra: Record<string, unknown> = {}) => {
    const pdf = await makeTextPdf()
    const answer = (await route(
      {
        type: 'start-route',
        kind: 'unsigned_attachment',
        fileName: 'QD_123_QĐ-UBND.pdf',
        pdfBase64: Buffer.from(pdf).toString('base64'),
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
      { type: 'consent-confirm', requestId: answer.requestId, header },
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

  it('refuses to start a request from a page that is not http(s)', async () => {
    const answer = await route(
      {
        type: 'start-route',
        kind: 'print',
        fileName: null,
        pdfBase64: null,
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
    now = 15 * 60 * 1000 + 1
    expect(store.view('r1')).toBeNull()
  })
})
