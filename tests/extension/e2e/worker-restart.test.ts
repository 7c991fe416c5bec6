/**
 * Manifest V3 stops an idle service worker (Chrome: ~30 s). A consent that is pending when that
 * happens must still complete, and closing the consent window must release the page: it never
 * stays on "Đang chờ xác nhận". Built extension in headless Chromium, real API.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DepartmentScenario, startDepartmentScenario } from '../helpers/department-scenario.ts'
import { type Browser, type Official, POLL } from '../helpers/extension-scenario.ts'
import { makeTextPdf } from '../helpers/make-pdfs.ts'

describe('a pending consent survives the stopped service worker', { timeout: 90_000 }, () => {
  let s: DepartmentScenario, browser: Browser, leader: Official, file: string
  let compose = 0

  const startConsent = async (): Promise<{ page: Page; consent: Page }> => {
    const page = await s.compose(browser, `sw${++compose}`)
    await page.setInputFiles('#uploadformInput', file)
    const consent = await s.consent(browser, await s.sendUnsigned(page, POLL))
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
    s = await startDepartmentScenario({ dirPrefix: 'trolyso-sw-' })
    leader = s.leader
    file = s.file('QD_7_QĐ-STP.pdf', await makeTextPdf({ lines: ['So: 7/QD-STP', 'QUYET DINH'] }))
    browser = await s.launch(leader)
  }, 240_000)

  afterAll(() => s?.close())

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
