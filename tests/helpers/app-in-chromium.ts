/**
 * Browser tests of what the app serves (the citizens' chat page, the staff console, /docs): the
 * real app on 127.0.0.1 and a headless Chromium for the test file, and the pages those tests
 * open (a chat page at a device's size, the console signed in as a staff member).
 * @module
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium, type ServedApp, serveOnLoopback } from './chromium.ts'
import { createTestApp, type TestApp } from './create-test-app.ts'
import { addStaffAccounts } from './staff-accounts.ts'

export type AppInChromium = { t: TestApp; server: ServedApp; browser: Browser }

/**
 * Registers the file's (or describe block's) `beforeAll`/`afterAll`: the app built by
 * `createTestApp(env)` served on 127.0.0.1, and Chromium.
 * @param env settings, or a function computing them when the app starts
 * @param staff staff accounts ready to sign in with that password (no one-time change pending)
 * @param prepare runs after the start, in the same `beforeAll`
 * @returns the running app and browser; its fields are set once `beforeAll` ran
 */
export const useAppInChromium = ({
  env,
  staff,
  prepare,
  timeout = 60_000,
}: {
  env?: Record<string, string> | (() => Record<string, string>)
  staff?: Omit<Parameters<typeof addStaffAccounts>[0], 'db'>
  prepare?: (live: AppInChromium) => Promise<void>
  timeout?: number
} = {}): AppInChromium => {
  const live = {} as AppInChromium
  beforeAll(async () => {
    live.t = await createTestApp(typeof env === 'function' ? env() : env)
    live.server = await serveOnLoopback(live.t.app.fetch)
    live.browser = await launchChromium()
    if (staff) await addStaffAccounts({ db: live.t.testDb.db, ...staff })
    await prepare?.(live)
  }, timeout)
  afterAll(async () => {
    await live.browser?.close()
    await live.server?.close()
    live.t?.close()
  })
  return live
}

export type Device = { width: number; height: number; mobile?: boolean }

/** The two sizes the chat page is checked at: a phone (touch) and a desktop window. */
export const PHONE_AND_DESKTOP = [
  { name: 'phone', width: 390, height: 844, mobile: true },
  { name: 'desktop', width: 1366, height: 900, mobile: false },
] as const

/** A page in its own context at the device's size (Vietnamese locale), collecting the page's errors. */
export const openPageAt = async (
  browser: Browser,
  { width, height, mobile }: Device,
  timeout = 15_000,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
  const context = await browser.newContext({
    viewport: { width, height },
    ...(mobile === undefined ? {} : { deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile }),
    locale: 'vi-VN',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(timeout)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

/** The citizens' chat page at the device's size, once its script is ready. */
export const openChatPage = async (live: AppInChromium, device: Device) => {
  const opened = await openPageAt(live.browser, device)
  await opened.page.goto(live.server.base)
  await opened.page.waitForSelector('html[data-ready="true"]')
  return opened
}

/** The console's sign-in form (on /admin) filled with the e-mail and password, and sent. */
export const logInToConsole = async (page: Page, email: string, password: string) => {
  await page.locator('#login').getByLabel('E-mail').fill(email)
  await page.locator('#login').getByLabel('Mật khẩu', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

/** The staff console (/admin) at the size given, signed in with the e-mail and password. */
export const openConsole = async (
  live: AppInChromium,
  {
    width,
    height,
    email,
    password,
    timeout = 30_000,
  }: { width: number; height: number; email: string; password: string; timeout?: number },
) => {
  const { context, page, errors } = await openPageAt(live.browser, { width, height }, timeout)
  await page.goto(`${live.server.base}/admin`)
  await logInToConsole(page, email, password)
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor()
  return { page, errors, close: () => context.close() }
}

/**
 * `useAppInChromium` with staff accounts that share one password, and `signIn`: the console
 * opened at a size and signed in as one of them (as `openConsole`).
 * @param pageTimeout the signed-in page's default timeout
 */
export const useStaffConsoleInChromium = ({
  env,
  password,
  accounts,
  pageTimeout,
}: Omit<Parameters<typeof addStaffAccounts>[0], 'db'> & {
  env?: Record<string, string>
  pageTimeout?: number
}) => {
  const live = useAppInChromium({ ...(env ? { env } : {}), staff: { password, accounts } })
  const signIn = (email: string, { width, height }: Device) =>
    openConsole(live, { width, height, email, password, ...(pageTimeout ? { timeout: pageTimeout } : {}) })
  return { live, signIn }
}

/** `POST /v1/ask` on the served app, as a citizen's question. */
export const askServedApp = async (live: AppInChromium, text: string) => {
  const res = await fetch(`${live.server.base}/v1/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  return (await res.json()) as { kind: string; text: string; procedure?: { code: string; name: string } }
}
