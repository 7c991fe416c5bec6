/**
 * Vitest for the extension alone (`npx vitest run --config extension/vitest.config.ts`):
 * WXT's plugin gives unit tests an in-memory `fakeBrowser`; browser tests launch Chromium.
 * @module
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { WxtVitest } from 'wxt/testing/vitest-plugin'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root: repoRoot,
  plugins: [WxtVitest({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    include: ['tests/extension/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
