/**
 * What an official does once in Tùy chọn, for browser tests: server address and access token,
 * the allowed host 127.0.0.1, then "Kiểm tra kết nối" (returns what it says). Also where tests
 * put screenshots.
 * @module
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { repoRoot } from '../../helpers/paths.ts'
import type { Official } from './servers.ts'

/** Opens Tùy chọn, saves the server address and the official's token, and allows the host 127.0.0.1. */
export const openOptions = async (
  context: BrowserContext,
  extensionId: string,
  apiUrl: string,
  official: Official,
) => {
  const options = await context.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  await options.fill('#api-url', apiUrl)
  await options.fill('#api-token', official.token)
  await options.click('#save-api')
  await options.waitForSelector('#status.ok')
  await options.fill('#host-input', '127.0.0.1')
  await options.click('#add-host')
  await options.waitForSelector('#hosts li[data-pattern="*://127.0.0.1/*"]')
  return options
}

export const configureExtension = async (
  context: BrowserContext,
  extensionId: string,
  apiUrl: string,
  official: Official,
  /** saves the filled options page as extension/.output/screenshots/<name>.png */
  screenshot?: string,
) => {
  const options = await openOptions(context, extensionId, apiUrl, official)
  await options.click('#check-connection')
  await options.waitForSelector('#connection.ok')
  const connected = (await options.textContent('#connection')) ?? ''
  if (screenshot) await saveScreenshot(options, screenshot)
  await options.close()
  return connected
}

/** extension/.output/screenshots/<name>.png (or `SCREENSHOT_DIR`), listed in extension/README.md */
export const screenshotsDir =
  process.env['SCREENSHOT_DIR'] || join(repoRoot, 'extension', '.output', 'screenshots')

export const saveScreenshot = async (page: Page, name: string) => {
  mkdirSync(screenshotsDir, { recursive: true })
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true })
}
