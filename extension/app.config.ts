/**
 * Runtime configuration, the single reader of `import.meta.env` in the extension. Holds no
 * secrets: the API token comes from the options page or the enterprise policy.
 * @module
 */
import { defineAppConfig } from 'wxt/utils/define-app-config'

declare module 'wxt/utils/define-app-config' {
  export interface WxtAppConfig {
    /** API used until the official or the policy sets another one */
    defaultApiBaseUrl: string
    /** largest PDF the content script reads and classifies, in bytes */
    maxPdfBytes: number
    /** prefix of console messages, so officials' support can grep them */
    logPrefix: string
  }
}

export default defineAppConfig({
  defaultApiBaseUrl: import.meta.env.WXT_API_BASE_URL ?? 'http://127.0.0.1:8787',
  maxPdfBytes: Number(import.meta.env.WXT_MAX_PDF_BYTES ?? 20 * 1024 * 1024),
  logPrefix: '[trolyso]',
})
