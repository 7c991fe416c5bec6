/**
 * The setting of the extension's browser tests in one call: the real API with its agencies,
 * the fixture pages (webmail and document-system imitations), a scratch folder for the files an
 * official attaches, and Chromium with the built extension configured for an official; plus the
 * steps every signing scenario starts with (open the compose screen, send, take the nudge, open
 * the consent window or the popup).
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { ensureExtensionBuilt, launchWithExtension } from './chromium.ts'
import { configureExtension } from './configure-extension.ts'
import { type Browser, openConsent, openPopup, unsignedNudge } from './extension-pages.ts'
import { type Official, startApiServer, startFixtureServer } from './servers.ts'

export type { Browser } from './extension-pages.ts'
export type { Official } from './servers.ts'
export type ApiServer = Awaited<ReturnType<typeof startApiServer>>
export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>
export type Poll = { timeout: number; interval: number }
/**
 * How long the browser tests wait for what the extension shows (`expect.poll`, `waitForSelector`):
 * the first nudge waits for a freshly built extension and a busy machine, so longer than vitest's
 * 1 s default. A test whose page does more (a large PDF, a prepared preview) names its own.
 */
export const POLL: Poll = { timeout: 15_000, interval: 100 }

export type Scenario = {
  api: ApiServer
  fixtures: FixtureServer
  /** scratch folder for the files officials attach, removed by `close` */
  dir: string
  /** writes `bytes` as `dir/<name>` (sub-folders made) and returns the path */
  file: (name: string, bytes: Uint8Array) => string
  /**
   * Chromium with the built extension, configured in Tùy chọn for the official (server, token,
   * host 127.0.0.1, connection checked); `connected` is what the options page says.
   * @param screenshot saves the filled options page under that name
   */
  launch: (official: Official, screenshot?: string) => Promise<Browser & { connected: string }>
  /** the Roundcube compose fixture in the browser as its own thread (`_id`), once the extension is active on it */
  compose: (browser: Browser, id: string) => Promise<Page>
  /**
   * A compose screen of its own (as `compose`, a new thread each call) with `file` attached and
   * Send pressed; the nudge that holds the send, once it offers "Ký số", is taken to the consent
   * window. Returns both pages once the consent window shows the revision to sign as the server
   * prepared it (`#prepared-status.ok`) or why the server refuses to prepare it (`.error`).
   */
  attachAndSign: (browser: Browser, file: string, poll: Poll) => Promise<{ page: Page; consent: Page }>
  /** Send pressed with an unsigned PDF attached: the send is held by the "chưa có chữ ký số" nudge */
  sendUnsigned: (page: Page, poll: Poll) => Promise<Locator>
  /** the nudge's "Ký số" opens the consent window in the browser; returns it */
  consent: (browser: Browser, nudge: Locator) => Promise<Page>
  /** the toolbar popup, opened as a page of the extension, once it shows who is signed in */
  popup: (browser: Browser, timeout?: number) => Promise<Page>
  /** closes every browser launched, the servers, and removes `dir` */
  close: () => Promise<void>
}

/**
 * @param agencies registered in the API, in order
 * @param dirPrefix the scratch folder's name prefix (in the system's temp folder)
 * @param pdfs PDFs the fixture server serves by name (for document viewers)
 */
export const startScenario = async ({
  agencies,
  dirPrefix,
  pdfs = {},
}: {
  agencies: readonly (readonly [code: string, name: string])[]
  dirPrefix: string
  pdfs?: Record<string, Uint8Array>
}): Promise<Scenario> => {
  ensureExtensionBuilt()
  const api = await startApiServer()
  for (const [code, name] of agencies) await api.agency(code, name)
  const dir = mkdtempSync(join(tmpdir(), dirPrefix))
  const fixtures = await startFixtureServer(pdfs)
  const browsers: Browser[] = []
  let signed = 0
  const compose: Scenario['compose'] = async ({ context }, id) => {
    const page = await context.newPage()
    await page.goto(
      `${fixtures.url('127.0.0.1', 'roundcube-compose.html')}?_task=mail&_action=compose&_id=${id}`,
    )
    await page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached' })
    return page
  }
  return {
    api,
    fixtures,
    dir,
    file: (name, bytes) => {
      const path = join(dir, name)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, bytes)
      return path
    },
    launch: async (official, screenshot) => {
      const browser = await launchWithExtension()
      browsers.push(browser)
      const connected = await configureExtension(
        browser.context,
        browser.extensionId,
        api.url,
        official,
        screenshot,
      )
      return { ...browser, connected }
    },
    compose,
    attachAndSign: async (browser, file, poll) => {
      const page = await compose(browser, `sign-${++signed}`)
      await page.setInputFiles('#uploadformInput', file)
      await page.click('button.send')
      const nudge = unsignedNudge(page)
      await nudge.locator('[data-action="primary"]').waitFor(poll)
      const consent = await openConsent(browser, nudge)
      await consent.waitForSelector('#prepared-status.ok, #prepared-status.error', poll)
      return { page, consent }
    },
    sendUnsigned: async (page, poll) => {
      await page.click('button.send')
      const nudge = unsignedNudge(page)
      await expect.poll(() => nudge.locator('h2').textContent(), poll).toBe('Tệp PDF chưa có chữ ký số')
      return nudge
    },
    consent: openConsent,
    popup: openPopup,
    close: async () => {
      for (const browser of browsers) await browser.context.close()
      await fixtures.close()
      await api.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
