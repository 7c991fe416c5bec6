import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { WxtVitest } from 'wxt/testing/vitest-plugin'
import { LongestFilesFirst } from './tests/setup/longest-files-first.ts'

/** Test files that replace modules with `vi.mock`: they need a module registry of their own. */
const mocking = ['tests/api/compose-services.test.ts']
/**
 * Test files that measure how responsive a page stays (long tasks in Chromium): they run last,
 * alone, so that the other worker's files do not take the CPU they measure.
 */
const alone = ['tests/extension/e2e/large-pdf.test.ts']
const extension = () => WxtVitest({ root: fileURLToPath(new URL('./extension/', import.meta.url)) })

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits on work the server does in answer to a click (a vocabulary change
    // re-checks the sample questions before the page says so): one second, vitest's default,
    // is too short on a busy 2-core machine; a poll that is met returns as soon as it is
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // vitest's default is one worker less than the cores: a single one on the 2-core machine,
    // where most of a file's time is spent waiting on Chromium, child servers and the disk
    maxWorkers: 2,
    sequence: { sequencer: LongestFilesFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/extension/**', '**/node_modules/**', ...mocking],
          // files share a worker and its loaded modules (hono, drizzle, zod, MiniSearch, pdf-lib,
          // playwright-core … once per worker instead of once per file): nothing runs at import,
          // and every file closes what it opens
          isolate: false,
          globalSetup: ['tests/setup/build-shared-fixtures.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'node-mocking', include: mocking },
      },
      {
        extends: true,
        plugins: [extension()],
        test: {
          name: 'extension',
          include: ['tests/extension/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...alone],
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        plugins: [extension()],
        test: {
          name: 'alone',
          include: alone,
          hookTimeout: 240_000,
          // a group of its own after the others, one file at a time
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
        },
      },
    ],
  },
})
