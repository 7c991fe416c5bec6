/**
 * Content script for allowed webmail and document-system pages (registered at runtime only
 * for hosts the official or the policy allowed). Starts the features; nothing else.
 * @module
 */
import { browser } from 'wxt/browser'
import { getAppConfig } from 'wxt/utils/app-config'
import { defineContentScript } from 'wxt/utils/define-content-script'
import { features, startFeatures } from '../../features/index.ts'
import { createFeatureContext } from '../../utils/feature-context.ts'
import { createLogger } from '../../utils/log.ts'
import type { DocumentSystemConfig } from '../../utils/storage.ts'

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  async main(ctx) {
    // an opt-out for pages (editors) that must not be touched, as Grammarly honours data-gramm
    if (document.documentElement.dataset['trolyso'] === 'off') return
    const log = createLogger('content')
    const logError = (id: string, error: unknown) => log.error(`feature ${id} failed`, error)
    const { documentSystems } = ((await browser.runtime
      .sendMessage({ type: 'page-config' })
      .catch(() => null)) ?? {
      documentSystems: [],
    }) as { documentSystems: DocumentSystemConfig[] }
    const context = createFeatureContext({
      ctx,
      maxPdfBytes: getAppConfig().maxPdfBytes,
      documentSystems: documentSystems ?? [],
      logError,
    })
    // read by bench/extension.ts through the isolated world, never by the page
    ;(globalThis as { __trolysoStats?: unknown }).__trolysoStats = context.stats
    await startFeatures(features, context, logError)
    document.documentElement.dataset['trolysoActive'] = 'true'
  },
})
