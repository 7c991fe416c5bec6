import { describe, expect, it } from 'vitest'
import { useAppInChromium } from '../../helpers/app-in-chromium.ts'

describe('interactive API docs in Chromium', () => {
  const live = useAppInChromium()

  it('lists the operations and tries a search from the page', async () => {
    const page = await live.browser.newPage()
    await page.goto(`${live.server.base}/docs`)
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
