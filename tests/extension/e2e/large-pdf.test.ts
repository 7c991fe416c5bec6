/**
 * A 20 MB PDF attached in the webmail keeps the page responsive: the official's send is held
 * with the nudge, and signing it (the bytes handed to the extension, the consent window
 * rendering them, the signed draft queued) never blocks the page's thread for long. Long tasks
 * are observed in the page itself (PerformanceObserver 'longtask'). Built extension in
 * headless Chromium, real API.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../../extension/utils/api-client.ts'
import { ensureExtensionBuilt, launchWithExtension } from '../helpers/chromium.ts'
import { configureExtension } from '../helpers/configure-extension.ts'
import { makeLargeTextPdf } from '../helpers/make-pdfs.ts'
import { type Official, startApiServer, startFixtureServer } from '../helpers/servers.ts'

const SENDER = '000.00.01.H56'
const NAME = 'QD_77_QĐ-STP.pdf'
/** the longest the page's thread may be busy in one task while the extension works */
const MAX_TASK_MS = 200
const POLL = { timeout: 30_000, interval: 100 }
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** records the page's long tasks from now on */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] }
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(Math.round(entry.duration))
    }).observe({ type: 'longtask' })
  })
const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)

describe('a 20 MB PDF', { timeout: 180_000 }, () => {
  let api: Awaited<ReturnType<typeof startApiServer>>
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>
  let browser: { context: BrowserContext; extensionId: string }
  let leader: Official
  let dir: string
  let pdf: Uint8Array

  beforeAll(async () => {
    ensureExtensionBuilt()
    api = await startApiServer()
    await api.agency(SENDER, 'Sở Tư pháp tỉnh Hà Nam')
    leader = await api.official(SENDER, 'approver', 'Nguyễn Văn Lãnh')
    dir = mkdtempSync(join(tmpdir(), 'trolyso-large-'))
    pdf = await makeLargeTextPdf({
      lines: ['SO TU PHAP', 'So: 77/QD-STP', 'Ha Nam, ngay 2 thang 4 nam 2026', 'QUYET DINH'],
      megabytes: 19,
    })
    writeFileSync(join(dir, NAME), pdf)
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

  it('is held, shown and signed without freezing the page', async () => {
    expect(pdf.length).toBeGreaterThan(19_000_000)
    const page = await browser.context.newPage()
    await page.goto(
      `${fixtures.url('127.0.0.1', 'roundcube-compose.html')}?_task=mail&_action=compose&_id=big`,
    )
    await page.waitForSelector('html[data-trolyso-active="true"]', { state: 'attached' })
    await watchLongTasks(page)

    await page.setInputFiles('#uploadformInput', join(dir, NAME))
    await page.click('button.send')
    const nudge = page.locator('trolyso-nudge[data-kind="unsigned_attachment"]')
    await expect.poll(() => nudge.locator('h2').textContent(), POLL).toBe('Tệp PDF chưa có chữ ký số')
    const [consent] = await Promise.all([
      browser.context.waitForEvent('page'),
      nudge.locator('[data-action="primary"]').click(),
    ])
    await consent.waitForSelector('#preview canvas[data-page="1"]', { timeout: 60_000 })
    expect((await consent.textContent('#sha256'))?.replace(/\s/g, '')).toBe(sha256(pdf))
    expect(await consent.textContent('#pdf-notation')).toBe('77/QD-STP')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 60_000 })
    await page.waitForSelector('trolyso-nudge[data-kind="route-done"]', POLL)

    const [draft] = await createApiClient({ baseUrl: api.url, token: leader.token }).listDrafts()
    expect(draft?.fileName).toBe(NAME)
    const tasks = await longTasks(page)
    expect(Math.max(0, ...tasks), `long tasks in the page: ${tasks.join(', ')} ms`).toBeLessThanOrEqual(
      MAX_TASK_MS,
    )
  })
})
