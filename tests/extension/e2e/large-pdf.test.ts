/**
 * A 20 MB PDF attached in the webmail keeps the page responsive: the official's send is held
 * with the nudge, and signing it (the bytes handed to the extension, the consent window
 * rendering them, the signed draft queued) never blocks the page's thread for long. Long tasks
 * are observed in the page itself (PerformanceObserver 'longtask'). Built extension in
 * headless Chromium, real API.
 */
import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DepartmentScenario, startDepartmentScenario } from '../helpers/department-scenario.ts'
import { shownSha256 } from '../helpers/extension-pages.ts'
import type { Browser, Official } from '../helpers/extension-scenario.ts'
import { makeLargeTextPdf } from '../helpers/make-pdfs.ts'

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
  let s: DepartmentScenario, browser: Browser, leader: Official, file: string, pdf: Uint8Array

  beforeAll(async () => {
    s = await startDepartmentScenario({ dirPrefix: 'trolyso-large-' })
    leader = s.leader
    pdf = await makeLargeTextPdf({
      lines: ['SO TU PHAP', 'So: 77/QD-STP', 'Ha Nam, ngay 2 thang 4 nam 2026', 'QUYET DINH'],
      megabytes: 19,
    })
    file = s.file(NAME, pdf)
    browser = await s.launch(leader)
  }, 240_000)

  afterAll(() => s?.close())

  it('is held, shown and signed without freezing the page', async () => {
    expect(pdf.length).toBeGreaterThan(19_000_000)
    const page = await s.compose(browser, 'big')
    await watchLongTasks(page)

    await page.setInputFiles('#uploadformInput', file)
    const consent = await s.consent(browser, await s.sendUnsigned(page, POLL))
    await consent.waitForSelector('#preview canvas[data-page="1"]', { timeout: 60_000 })
    expect(await shownSha256(consent)).toBe(sha256(pdf))
    expect(await consent.textContent('#pdf-notation')).toBe('77/QD-STP')
    await consent.click('#confirm')
    await consent.waitForSelector('#result.ok', { timeout: 60_000 })
    await page.waitForSelector('trolyso-nudge[data-kind="route-done"]', POLL)

    const [draft] = await s.api.client(leader).listDrafts()
    expect(draft?.fileName).toBe(NAME)
    const tasks = await longTasks(page)
    expect(Math.max(0, ...tasks), `long tasks in the page: ${tasks.join(', ')} ms`).toBeLessThanOrEqual(
      MAX_TASK_MS,
    )
  })
})
