/**
 * Builds the extension for browser tests when it is missing or older than its sources, and
 * launches headless Chromium with it loaded.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_ENV, CHROMIUM_PATH } from '../../helpers/chromium.ts'
import { repoRoot } from '../../helpers/paths.ts'

const extensionDir = join(repoRoot, 'extension')
/** `wxt build extension --mode e2e`: loopback host permission granted at install (see wxt.config.ts) */
export const builtExtensionDir = join(extensionDir, '.output', 'chrome-mv3-e2e')

const newestSource = (dir: string): number => {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

export const ensureExtensionBuilt = () => {
  const manifest = join(builtExtensionDir, 'manifest.json')
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource(extensionDir)) return
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build', 'extension', '--mode', 'e2e'], {
    cwd: repoRoot,
    stdio: 'pipe',
    timeout: 180_000,
  })
}

export const launchWithExtension = async (): Promise<{ context: BrowserContext; extensionId: string }> => {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    env: CHROMIUM_ENV,
    args: [
      `--disable-extensions-except=${builtExtensionDir}`,
      `--load-extension=${builtExtensionDir}`,
      ...CHROMIUM_ARGS,
    ],
  })
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))
  return { context, extensionId: new URL(worker.url()).host }
}
