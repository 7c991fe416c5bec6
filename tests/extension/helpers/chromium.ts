/**
 * Builds the extension for browser tests when it is missing or older than its sources (once,
 * when test files run in parallel), and launches headless Chromium with it loaded.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
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

const isFresh = () => {
  const manifest = join(builtExtensionDir, 'manifest.json')
  return existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource(extensionDir)
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Builds once even when several test files (run in parallel) need the build: the first takes
 * a lock folder, the others wait for it and find the build fresh.
 */
export const ensureExtensionBuilt = () => {
  if (isFresh()) return
  const lock = join(extensionDir, '.output', '.e2e-build.lock')
  mkdirSync(join(extensionDir, '.output'), { recursive: true })
  const deadline = Date.now() + 240_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // a lock left by a killed run is older than any build takes
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 240_000)
        rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`another build holds ${lock}`)
      sleepSync(250)
    }
  }
  try {
    if (isFresh()) return
    execFileSync(join(repoRoot, 'node_modules', '.bin', 'wxt'), ['build', 'extension', '--mode', 'e2e'], {
      cwd: repoRoot,
      stdio: 'pipe',
      timeout: 180_000,
    })
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
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
