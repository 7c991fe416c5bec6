/**
 * Debian's Chromium for browser tests, with the flags this machine's closed network needs,
 * and a real HTTP server for an app on a free loopback port.
 * @module
 */

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { type Browser, chromium, type Page } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Without the background-networking flags Chromium keeps trying hosts it cannot reach. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const isUtf8 = (value: string | undefined) => value !== undefined && /utf-?8/i.test(value)

/**
 * Chromium reads file names (the PDFs a test attaches, such as `QD_123_QĐ-STP.pdf`) through
 * the process locale: under a bare `C` locale, as in a CI job started with an empty
 * environment, it cannot open a file whose name is not ASCII. Officials' machines run a UTF-8
 * locale; so does Chromium here.
 */
export const CHROMIUM_ENV: Record<string, string> = Object.fromEntries(
  Object.entries({
    ...process.env,
    ...(isUtf8(process.env['LC_ALL'] || process.env['LC_CTYPE'] || process.env['LANG'])
      ? {}
      : { LC_ALL: 'C.UTF-8' }),
  }).filter((entry): entry is [string, string] => entry[1] !== undefined),
)

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: CHROMIUM_ENV })

export type ServedApp = { base: string; close: () => Promise<void> }

/** Serves a fetch handler on 127.0.0.1 and a free port. */
export const serveOnLoopback = (
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<ServedApp> =>
  new Promise((resolve) => {
    const server: ServerType = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        base: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
  })

/** Saves a full-page screenshot for a person to look at, when a folder is given (SCREENSHOT_DIR). */
export const saveScreenshot = async (page: Page, dir: string, name: string, { fullPage = true } = {}) => {
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, name), fullPage })
}
