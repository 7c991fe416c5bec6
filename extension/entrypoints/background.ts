/**
 * Background service worker: keeps content scripts registered only on allowed hosts, and
 * answers messages through the router (consent, signing, routing, nudge counts).
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import { defineBackground } from 'wxt/utils/define-background'
import { createApiClient } from '../utils/api-client.ts'
import { createBackgroundRouter } from '../utils/background-router.ts'
import { createConsentStore } from '../utils/consent.ts'
import { createLogger } from '../utils/log.ts'
import { createSerialQueue, syncContentScripts } from '../utils/script-registration.ts'
import { readSettings } from '../utils/storage.ts'

export default defineBackground({
  type: 'module',
  main() {
    const config = getAppConfig()
    const log = createLogger('background')
    const settings = () => readSettings(config.defaultApiBaseUrl)
    const queue = createSerialQueue()
    const sync = () =>
      queue(async () =>
        syncContentScripts({
          entries: (await settings()).hosts,
          scripting: browser.scripting,
          permissions: browser.permissions,
        }),
      ).catch((error) => log.error('content scripts not registered', error))

    const route = createBackgroundRouter({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      consents: createConsentStore(),
      api: async () => {
        const { apiBaseUrl, apiToken } = await settings()
        return createApiClient({ baseUrl: apiBaseUrl, token: apiToken })
      },
      documentSystems: async () => (await settings()).documentSystems,
      openConsentWindow: async (requestId) => {
        await browser.windows.create({
          url: browser.runtime.getURL(`/consent.html?request=${encodeURIComponent(requestId)}`),
          type: 'popup',
          width: 560,
          height: 760,
        })
      },
      notifyTab: async (tabId, frameId, message) => {
        await browser.tabs.sendMessage(tabId, message, { frameId })
      },
      syncScripts: sync,
      log: (message, error) => log.error(message, error),
    })

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      route(message, sender).then(sendResponse)
      return true
    })
    browser.runtime.onInstalled.addListener(() => void sync())
    browser.runtime.onStartup.addListener(() => void sync())
    browser.permissions.onAdded.addListener(() => void sync())
    browser.permissions.onRemoved.addListener(() => void sync())
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || 'local:allowedHosts' in changes || 'allowedHosts' in changes) void sync()
    })
  },
})
