/**
 * Console logging with the extension's prefix; each (scope, message) pair is logged once,
 * so a feature failing on every mutation does not flood the official's console.
 * @module
 */
import { getAppConfig } from 'wxt/utils/app-config'

const seen = new Set<string>()

export const createLogger = (scope: string) => {
  const prefix = `${getAppConfig().logPrefix}[${scope}]`
  return {
    error(message: string, error?: unknown) {
      const key = `${scope}|${message}`
      if (seen.has(key)) return
      seen.add(key)
      console.error(prefix, message, error ?? '')
    },
    info(message: string) {
      console.info(prefix, message)
    },
  }
}
