/**
 * Debian's Chromium for browser tests, with the flags this machine's closed network needs,
 * and a real HTTP server for an app on a free loopback port.
 * @module
 */
import { type ServerType, serve } from '@hono/node-server'
import { type Browser, chromium } from 'playwright-core'

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

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })

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
