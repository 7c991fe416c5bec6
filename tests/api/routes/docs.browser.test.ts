import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, type ServedApp, serveOnLoopback } from '../../helpers/chromium.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'

describe('interactive API docs in Chromium', () => {
  let t: TestApp
  let server: ServedApp
  let browser: Browser
  beforeAll(async () => {
    t = await createTestApp()
    server = await serveOnLoopback(t.app.fetch)
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    t?.close()
  })

  it('lists the operations and tries a search from the page', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.base}/docs`)
    const search = page.locator('section.op', {
      has: page.locator('code', { hasText: /^\/v1\/procedures$/ }),
    })
    await expect.poll(() => search.count(), { timeout: 10_000 }).toBe(1)
    await search.locator('input[name="q"]').fill('dang ky khai sinh')
    await search.getByRole('button', { name: 'Thử' }).click()
    const output = search.locator('pre')
    await expect.poll(() => output.textContent(), { timeout: 10_000 }).toMatch(/^200\n/)
    expect(await output.textContent()).toMatch(/khai sinh/i)
    await page.close()
  })
})
