import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { getProcedure } from '../../knowledge/procedures/get-procedure.ts'
import { seedStarterProcedures } from '../../knowledge/procedures/seed-starter-procedures.ts'
import { upsertProcedures } from '../../knowledge/procedures/upsert-procedures.ts'
import { createTestDb, type TestDb } from '../helpers/create-test-db.ts'

describe('createKnowledgeBase onChange', () => {
  let t: TestDb
  let kb: KnowledgeBase
  const versions: string[] = []

  beforeAll(async () => {
    t = await createTestDb()
    await seedStarterProcedures({ db: t.db })
    kb = await createKnowledgeBase({ db: t.db, onChange: (version) => versions.push(version) })
  })
  afterAll(() => {
    kb.close()
    t.close()
  })

  it('is told the new version after a refresh that swapped a change in, and only then', async () => {
    expect(await kb.refresh()).toBe(false)
    expect(versions).toEqual([])
    const [first] = kb.search('hộ chiếu phổ thông')
    const stored = await getProcedure({ db: t.db, code: first!.code })
    const { revision: _r, contentHash: _h, updatedAt: _u, ...input } = stored!
    await upsertProcedures({
      db: t.db,
      procedures: [{ ...input, name: `${input.name} zzqxchange` }],
      actor: 'test',
    })
    expect(await kb.refresh()).toBe(true)
    expect(versions).toEqual([kb.version?.()])
    expect(kb.search('zzqxchange')[0]?.code).toBe(first!.code)
    expect(await kb.refresh()).toBe(false)
    expect(versions).toHaveLength(1)
  })
})
