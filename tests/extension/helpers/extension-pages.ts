/**
 * What an official does in the extension's own windows, for the browser tests on the webmail
 * imitation (e2e/) and on the real Roundcube (roundcube/): the nudge that holds a send, the
 * consent window it opens, the toolbar popup with its "chờ phát hành" queue, and the choice of
 * recipients in the consent window.
 * @module
 */
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** Chromium with the built extension loaded */
export type Browser = { context: BrowserContext; extensionId: string }

/** the nudge that holds a send with an unsigned PDF attached */
export const unsignedNudge = (page: Page): Locator =>
  page.locator('trolyso-nudge[data-kind="unsigned_attachment"]')

/** the nudge's "Ký số" opens the consent window in the browser; returns it */
export const openConsent = async ({ context }: Browser, nudge: Locator): Promise<Page> => {
  const [consent] = await Promise.all([
    context.waitForEvent('page'),
    nudge.locator('[data-action="primary"]').click(),
  ])
  return consent
}

/** the toolbar popup, opened as a page of the extension, once it shows who is signed in */
export const openPopup = async ({ context, extensionId }: Browser, timeout = 30_000): Promise<Page> => {
  const popup = await context.newPage()
  await popup.goto(`chrome-extension://${extensionId}/popup.html`)
  await popup.waitForSelector('#me', { timeout })
  return popup
}

/**
 * "Ký số & phát hành" on a draft of the popup's queue (`item`, one of `#drafts li`) opens the
 * consent window for it; returns it once it says where the request comes from.
 */
export const issueQueuedDraft = async ({ context }: Browser, item: Locator): Promise<Page> => {
  const [consent] = await Promise.all([
    context.waitForEvent('page'),
    item.locator('[data-action="issue"]').click(),
  ])
  await consent.waitForSelector('#origin')
  return consent
}

/**
 * What the consent window of a queued draft (from `issueQueuedDraft`) shows once its first page
 * is drawn: that the request comes from the "chờ phát hành" queue, the number read from the PDF,
 * the promulgation date it proposes, and the văn thư who signs.
 */
export const expectQueuedDraftShown = async (
  consent: Page,
  { pdfNotation, promulgatedAt, signer }: { pdfNotation: string; promulgatedAt: string; signer: string },
  poll: { timeout: number },
): Promise<void> => {
  await consent.waitForSelector('#preview canvas[data-page="1"]', poll)
  expect(await consent.textContent('#origin')).toContain('Hàng chờ phát hành')
  expect(await consent.textContent('#pdf-notation')).toBe(pdfNotation)
  expect(await consent.inputValue('#promulgated-at')).toBe(promulgatedAt)
  expect(await consent.textContent('#signer')).toContain(signer)
}

/** the SHA-256 the consent window shows in `selector` (`#sha256`, `#prepared-sha256`), without the spaces that group it */
export const shownSha256 = async (consent: Page, selector = '#sha256'): Promise<string | undefined> => {
  // the page shows "—" until it has hashed the bytes: read the hash once it is there
  await consent.waitForFunction(
    (sel) => /^[0-9a-f]{64}$/.test(document.querySelector(sel)?.textContent?.replace(/\s/g, '') ?? ''),
    selector,
  )
  return (await consent.textContent(selector))?.replace(/\s/g, '')
}

/** in the consent window, searches the agencies for `search` and adds agency `code` as a recipient */
export const addRecipient = async (consent: Page, search: string, code: string): Promise<void> => {
  await consent.fill('#recipient-search', search)
  await consent.click(`#recipient-results li[data-code="${code}"] button`)
}

/**
 * The leader's "Ký số" in the consent window: the signed draft goes to the văn thư's "chờ phát
 * hành" queue, not to a download, and the compose page (`page`) says so in its nudge.
 * @param resultTimeout how long signing may take
 */
export const confirmToClerkQueue = async (
  consent: Page,
  page: Page,
  { poll, resultTimeout }: { poll: { timeout: number; interval: number }; resultTimeout: number },
): Promise<void> => {
  await consent.click('#confirm')
  await consent.waitForSelector('#result.ok', { timeout: resultTimeout })
  expect(await consent.textContent('#result')).toContain('chờ phát hành')
  expect(await consent.locator('#download').count()).toBe(0)
  const done = page.locator('trolyso-nudge[data-kind="route-done"]')
  await done.waitFor(poll)
  expect(await done.locator('h2').textContent()).toBe('Đã ký số và chuyển văn thư')
}
