/**
 * Manifest V3 stops an idle service worker (Chrome: ~30 s). A consent that is pending when that
 * happens must still complete, and closing the consent window must release the page: it never
 * stays on "Đang chờ xác nhận". Built extension in headless Chromium, real API.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureExtensionBuilt, launchWithExtension } from '../helpers/chromium.ts'
import { configureExtension } from '../helpers/configure-extension.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'
import { type Official, startApiServer, startFixtureServer } from '../helpers/servers.ts'

const SENDER = '000.00.01.H56'
const POLL = { timeout: 15_000, interval: 100 }

describe('a pending consent survives the stopped service worker', { timeout: 90_000 }, () => {
  let api: Awaited<ReturnType<typeof startApiServer>>
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>
  let browser: { context: BrowserContext; extensionId: string }
  let leader: Official
  let dir: string
  let compose = 0

  const startConsent = async (): Promise<{ page: Page; consent: Page }> => {
    const page = await browser.context.newPage()
    await page.goto(
      `${fixtures.url('127.0.0.1', 'roundcube-compose.html')}?_task=mail&_action=compose&_id=sw${++compose}`,
    )
    await page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached' })
    await page.setInputFiles('#uploadformInput', join(dir, 'QD_7_QĐ-STP.pdf'))
    await page.click('button.send')
    const nudge = page.locator('trolyso-nudge[data-kind="unsigned_attachment"]')
    await nudge.locator('[data-action="primary"]').waitFor(POLL)
    const [consent] = await Promise.all([
      browser.context.waitForEvent('page'),
      nudge.locator('[data-action="primary"]').click(),
    ])
    await consent.waitForSelector('#sha256')
    await page.waitForSelector('trolyso-nudge[data-kind="route-waiting"]')
    return { page, consent }
  }

  /** what Chrome does to an idle worker; the extension's own page sees its workers over CDP */
  const stopServiceWorker = async (from: Page) => {
    const cdp = await browser.context.newCDPSession(from)
    const versions = new Map<string, { scriptURL: string; runningStatus: string }>()
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const v of updated) versions.set(v.versionId, v)
    })
    await cdp.send('ServiceWorker.enable')
    const ours = () => [...versions.entries()].filter(([, v]) => v.scriptURL.includes(browser.extensionId))
    await expect.poll(() => ours().some(([, v]) => v.runningStatus === 'running'), POLL).toBe(true)
    for (const [versionId] of ours()) await cdp.send('ServiceWorker.stopWorker', { versionId })
    await expect.poll(() => ours().every(([, v]) => v.runningStatus === 'stopped'), POLL).toBe(true)
    await cdp.detach()
  }

  beforeAll(async () => {
    ensureExtensionBuilt()
    api = await startApiServer()
    await api.agency(SENDER, 'Sở Tư pháp tỉnh Hà Nam')
    leader = await api.official(SENDER, 'approver', 'Nguyễn Văn Lãnh')
    dir = mkdtempSync(join(tmpdir(), 'trolyso-sw-'))
    writeFileSync(join(dir, 'QD_7_QĐ-STP.pdf'), await makeTextPdf({ lines: ['So: 7/QD-STP', 'QUYET DINH'] }))
    fixtures = await startFixtureServer()
    browser = await launchWithExtension()
    await configureExtension(browser.context, browser.extensionId, api.url, leader)
  }, 240_000)

  afterAll(async () => {
    await browser?.context.close()
    await fixtures?.close()
    await api?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('signs after the worker was stopped while the official was reading, and tells the page', async () => {
    const { page, consent } = await startConsent()
    await consent.waitForSelector('#preview canvas[data-page="1"]', POLL)
    await stopServiceWorker(consent)

    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 30_000 })
    await page.waitForSelector('trolyso-nudge[data-kind="route-done"]', POLL)
  })

  it('releases the page when the consent window is closed after the worker was stopped', async () => {
    const { page, consent } = await startConsent()
    // the official reads the prepared revision; the idle worker is stopped meanwhile
    await consent.waitForSelector('#prepared-status.ok', POLL)
    await stopServiceWorker(consent)
    await consent.close()
    const failed = page.locator('trolyso-nudge[data-kind="route-failed"]')
    await failed.waitFor(POLL)
    expect(await failed.locator('.card').textContent()).toContain('Cửa sổ xác nhận đã đóng')
  })
})
