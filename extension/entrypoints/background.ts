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
import { browserConsentPersistence } from '../utils/consent-persistence.ts'
import { createLogger } from '../utils/log.ts'
import { browserHandoffPersistence, createPdfHandoff } from '../utils/pdf-handoff.ts'
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

    // pending consents outlive the worker: Chrome stops it after ~30 s idle, while the official reads
    const consents = createConsentStore({ persistence: browserConsentPersistence() })
    void consents.sweep().catch((error) => log.error('consent sweep failed', error))
    const route = createBackgroundRouter({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      consents,
      handoff: createPdfHandoff({ persistence: browserHandoffPersistence() }),
      api: async () => {
        const { apiBaseUrl, apiToken } = await settings()
        return createApiClient({ baseUrl: apiBaseUrl, token: apiToken })
      },
      documentSystems: async () => (await settings()).documentSystems,
      openConsentWindow: async (requestId) => {
        const opened = await browser.windows.create({
          url: browser.runtime.getURL(`/consent.html?request=${encodeURIComponent(requestId)}`),
          type: 'popup',
          width: 560,
          height: 760,
        })
        return opened?.id
      },
      notifyTab: async (tabId, frameId, message) => {
        await browser.tabs.sendMessage(tabId, message, { frameId })
      },
      notifyPages: async (message) => {
        await browser.runtime.sendMessage(message)
      },
      syncScripts: sync,
      // Firefox asks the official at install whether counts (technicalAndInteraction) may be sent;
      // a Firefox without that consent system (before 140) sends none
      countsAllowed: async () =>
        !import.meta.env.FIREFOX ||
        browser.permissions
          .contains({ data_collection: ['technicalAndInteraction'] } as Parameters<
            typeof browser.permissions.contains
          >[0])
          .catch(() => false),
      log: (message, error) => log.error(message, error),
    })

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      route(message, sender).then(sendResponse)
      return true
    })
    const failed = (error: unknown) => log.error('pending consent not cancelled', error)
    browser.windows.onRemoved.addListener((windowId) => void route.windowClosed(windowId).catch(failed))
    browser.tabs.onRemoved.addListener((tabId) => void route.tabLeft(tabId).catch(failed))
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') void route.tabLeft(tabId).catch(failed)
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
