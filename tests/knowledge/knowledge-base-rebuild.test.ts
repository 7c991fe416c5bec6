import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../api/app.ts'
import { composeServices } from '../../api/compose-services.ts'
import { loadConfig } from '../../api/config.ts'
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { importProceduresInWorker } from '../../knowledge/procedures/import-procedures-in-worker.ts'
import { createLogger } from '../../platform/logger.ts'
import { createTestDb, type TestDb } from '../helpers/create-test-db.ts'
import { proceduresFile } from '../helpers/paths.ts'

describe('rebuilding the search index while requests are served', () => {
  let t: TestDb
  let kb: KnowledgeBase

  beforeAll(async () => {
    t = await createTestDb()
    kb = await createKnowledgeBase({ db: t.db })
    // the full portal export, written by a worker thread as the admin API does it
    await importProceduresInWorker({
      db: t.db,
      database: { url: t.url },
      filePath: proceduresFile,
      asOf: '2026-07-15',
    })
  }, 180_000)
  afterAll(() => {
    kb.close()
    t.close()
  })

  it('answers other requests between slices of a full rebuild, then swaps the new index in', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: t.dir, DATABASE_URL: t.url })
    const app = createApp(composeServices({ config, db: t.db, kb, log: createLogger('silent') }))
    let rebuilt = false
    const refreshing = kb.refresh().then((changed) => {
      rebuilt = true
      return changed
    })
    let served = 0
    while (!rebuilt) {
      await new Promise((resolve) => setImmediate(resolve))
      if (rebuilt) break
      const res = await app.request('/v1/procedures?q=cap%20ho%20chieu&limit=1')
      expect(res.status).toBe(200)
      served++
    }
    expect(await refreshing).toBe(true)
    // a one-piece rebuild of 2,600 procedures would let at most the few database reads through
    expect(served).toBeGreaterThanOrEqual(10)
    expect(kb.size()).toBeGreaterThan(2000)
    const after = (await (await app.request('/v1/procedures?q=cap%20ho%20chieu&limit=1')).json()) as {
      results: unknown[]
    }
    expect(after.results).toHaveLength(1)
  }, 120_000)
})
