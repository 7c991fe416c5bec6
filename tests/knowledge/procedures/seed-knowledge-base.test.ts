import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/config.ts'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import { NATIONAL_EXPORT_AS_OF } from '../../../knowledge/procedures/read-export.ts'
import { seedKnowledgeBase } from '../../../knowledge/procedures/seed-knowledge-base.ts'
import { useTestDb } from '../../helpers/create-test-db.ts'
import { readProceduresText } from '../../helpers/paths.ts'

describe('seedKnowledgeBase', () => {
  const t = useTestDb({ each: true })

  it('loads an export (here a gzip slice of the national one) into an empty database, with progress', async () => {
    const file = join(t.dir, 'dichvucong-2026-07-slice.jsonl.gz')
    writeFileSync(file, gzipSync(readProceduresText().split('\n').slice(0, 30).join('\n')))
    const progress: string[] = []
    const inserted = await seedKnowledgeBase({
      db: t.db,
      seed: 'national',
      nationalFile: file,
      onProgress: ({ phase, done, total }) => progress.push(`${phase} ${done}/${total}`),
    })
    expect(inserted).toBe(30)
    expect(progress).toContain('parse 30/30')
    expect(progress.at(-1)).toBe('write 30/30')
  })

  it('seeds the starter set with KB_SEED=starter and nothing with none', async () => {
    expect(await seedKnowledgeBase({ db: t.db, seed: 'none' })).toBe(0)
    expect(await listProcedures({ db: t.db })).toHaveLength(0)
    expect(await seedKnowledgeBase({ db: t.db, seed: 'starter' })).toBe(75)
  })

  it('never writes over a knowledge base that already holds procedures', async () => {
    await seedKnowledgeBase({ db: t.db, seed: 'starter' })
    expect(await seedKnowledgeBase({ db: t.db, seed: 'national' })).toBe(0)
    expect(await listProcedures({ db: t.db })).toHaveLength(75)
  })

  it('dates the shipped export from its notice, not from the file', () => {
    expect(NATIONAL_EXPORT_AS_OF).toBe('2026-07-15')
  })
})

describe('KB_SEED', () => {
  it.each([
    [undefined, 'national'],
    ['national', 'national'],
    ['starter', 'starter'],
    ['none', 'none'],
    ['true', 'national'],
    ['false', 'none'],
  ])('%s → %s', (value, seed) => {
    expect(loadConfig(value === undefined ? {} : { KB_SEED: value }).knowledge.seed).toBe(seed)
  })

  it('refuses anything else with the allowed values', () => {
    expect(() => loadConfig({ KB_SEED: 'all' })).toThrow(/KB_SEED phải là national, starter hoặc none/)
  })
})
