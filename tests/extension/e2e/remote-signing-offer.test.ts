/**
 * Remote signing is offered in Tùy chọn only when the server says the deployment has a
 * remote-signing provider (`GET /v1/me` → `features.remoteSigning`). Built extension in headless
 * Chromium, two real API servers: one without a provider, one with `REMOTE_SIGNING_URL` set.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureExtensionBuilt, launchWithExtension } from '../helpers/chromium.ts'
import { saveScreenshot } from '../helpers/configure-extension.ts'
import { type Official, startApiServer } from '../helpers/servers.ts'

const AGENCY = '000.00.01.H56'

describe('remote signing offered only where the deployment has it', { timeout: 90_000 }, () => {
  let plain: Awaited<ReturnType<typeof startApiServer>>
  let withRemote: Awaited<ReturnType<typeof startApiServer>>
  let browser: { context: BrowserContext; extensionId: string }, plainClerk: Official, remoteClerk: Official

  beforeAll(async () => {
    ensureExtensionBuilt()
    plain = await startApiServer()
    // the provider is never called here: the server only reports that it has one
    withRemote = await startApiServer({ REMOTE_SIGNING_URL: 'http://127.0.0.1:9/remote-signing' })
    for (const api of [plain, withRemote]) await api.agency(AGENCY, 'Sở Tư pháp tỉnh Hà Nam')
    plainClerk = await plain.official(AGENCY, 'clerk', 'Trần Thị Văn Thư')
    remoteClerk = await withRemote.official(AGENCY, 'clerk', 'Trần Thị Văn Thư')
    browser = await launchWithExtension()
  }, 240_000)

  afterAll(async () => {
    await browser?.context.close()
    await plain?.close()
    await withRemote?.close()
  })

  /** Tùy chọn: server and token saved, connection checked */
  const connect = async (apiUrl: string, official: Official): Promise<Page> => {
    const options = await browser.context.newPage()
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`)
    await options.fill('#api-url', apiUrl)
    await options.fill('#api-token', official.token)
    await options.click('#save-api')
    await options.waitForSelector('#connection.ok')
    return options
  }

  it('hides remote signing when the server has no provider', async () => {
    const options = await connect(plain.url, plainClerk)
    expect(await options.textContent('#connection')).toContain('Trần Thị Văn Thư')
    // neither the row nor its checkbox is shown (an older options page showed the checkbox always)
    expect(await options.isVisible('#remote-signing')).toBe(false)
    await options.close()
  })

  it('shows it when the server has one, and again when Tùy chọn is reopened', async () => {
    const options = await connect(withRemote.url, remoteClerk)
    await options.waitForSelector('#remote-signing-row', { state: 'visible' })
    await options.check('#remote-signing')
    await options.click('#save-api')
    await options.waitForSelector('#connection.ok')
    await options.close()

    const reopened = await browser.context.newPage()
    await reopened.goto(`chrome-extension://${browser.extensionId}/options.html`)
    await reopened.waitForSelector('#remote-signing-row', { state: 'visible' })
    expect(await reopened.isChecked('#remote-signing')).toBe(true)
    await saveScreenshot(reopened, 'options-remote-signing')
    await reopened.close()
  })
})
