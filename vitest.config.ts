import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { WxtVitest } from 'wxt/testing/vitest-plugin'

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/extension/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        plugins: [WxtVitest({ root: fileURLToPath(new URL('./extension/', import.meta.url)) })],
        test: { name: 'extension', include: ['tests/extension/**/*.test.ts'], hookTimeout: 240_000 },
      },
    ],
  },
})
