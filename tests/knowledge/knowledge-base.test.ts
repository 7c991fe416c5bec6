import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../knowledge/db/client.ts'
import { AppError } from '../../knowledge/errors.ts'
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { importProcedures } from '../../knowledge/procedures/import-procedures.ts'
import { createTestDb, type TestDb } from '../helpers/create-test-db.ts'
import { readProceduresText } from '../helpers/paths.ts'

const CODES = ['1.014064', '1.001193', '1.000894', '3.000347']
const portalLines = readProceduresText()
  .split('\n')
  .filter((line) => CODES.some((code) => line.includes(`"ma_thu_tuc": "${code}"`)))

const writeJsonl = (dir: string, name: string, records: object[]) => {
  const file = join(dir, name)
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`)
  return file
}

const flycam = () => ({
  ...JSON.parse(portalLines[0] ?? '{}'),
  ma_thu_tuc: '1.999901',
  ten_thu_tuc: 'Cấp phép bay flycam cho cá nhân',
})

let testDb: TestDb
const open: KnowledgeBase[] = []

beforeAll(async () => {
  testDb = await createTestDb()
  const file = writeJsonl(
    testDb.dir,
    'start.jsonl',
    portalLines.map((l) => JSON.parse(l)),
  )
  await importProcedures({ db: testDb.db, filePath: file, asOf: '2026-07-15' })
}, 30_000)
afterAll(() => {
  for (const kb of open) kb.close()
  testDb?.close()
})

const newKb = async (options: { refreshSeconds?: number } = {}) => {
  const kb = await createKnowledgeBase({ db: testDb.db, ...options })
  open.push(kb)
  return kb
}

describe('createKnowledgeBase', () => {
  it('indexes the stored procedures and reads full records', async () => {
    const kb = await newKb()
    expect(kb.size()).toBe(CODES.length)
    expect(kb.search('cấp lại thẻ căn cước')[0]?.code).toBe('1.014064')
    expect((await kb.getProcedure('1.000894'))?.name).toBe('Thủ tục đăng ký kết hôn')
    expect(await kb.getProcedure('9.999999')).toBeNull()
    expect((await kb.answer('đăng ký kết hôn ở đâu')).procedure?.code).toBe('1.000894')
  })

  it('caps the result limit', async () => {
    const kb = await newKb()
    expect(kb.search('thủ tục đăng ký', { limit: 1 })).toHaveLength(1)
  })

  it('reports no change when nothing was written', async () => {
    const kb = await newKb()
    expect(await kb.refresh()).toBe(false)
  })

  it('picks up a procedure another process imported, without being re-created', async () => {
    const kb = await newKb()
    expect(kb.search('flycam')).toEqual([])
    const other = await createDb({ url: testDb.url })
    try {
      await importProcedures({
        db: other,
        filePath: writeJsonl(testDb.dir, 'flycam.jsonl', [flycam()]),
        asOf: '2026-07-16',
      })
    } finally {
      other.$client.close()
    }
    const during = kb.search('cấp lại thẻ căn cước')
    const refreshing = kb.refresh()
    // Until the new index is complete, queries see the old one in full.
    expect(kb.search('cấp lại thẻ căn cước')).toEqual(during)
    expect(await refreshing).toBe(true)
    expect(kb.search('flycam')[0]?.code).toBe('1.999901')
    expect(kb.size()).toBe(CODES.length + 1)
    expect(await kb.refresh()).toBe(false)
  })

  it('sees a renamed procedure through the timer', async () => {
    const kb = await newKb({ refreshSeconds: 0.2 })
    const renamed = { ...flycam(), ten_thu_tuc: 'Cấp phép bay thiết bị bay không người lái' }
    await importProcedures({
      db: testDb.db,
      filePath: writeJsonl(testDb.dir, 'renamed.jsonl', [renamed]),
      asOf: '2026-07-17',
    })
    const deadline = Date.now() + 5000
    while (kb.search('không người lái')[0]?.code !== '1.999901' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(kb.search('thiết bị bay không người lái')[0]?.code).toBe('1.999901')
    expect(kb.search('flycam')).toEqual([])
    // The record kept beside the index is the edited one, not the one indexed before.
    expect((await kb.getProcedure('1.999901'))?.name).toBe('Cấp phép bay thiết bị bay không người lái')
  })

  it('keeps repeated answers and results only as long as the index they came from', async () => {
    const kb = await newKb()
    const question = 'cấp phép bay drone cho cá nhân'
    const before = await kb.answer(question)
    // A repeated question is the same (frozen) answer: no caller can change what the next gets.
    expect(await kb.answer(question)).toBe(before)
    expect(Object.isFrozen(before)).toBe(true)
    expect(() => {
      ;(kb.search('đăng ký kết hôn') as { code: string }[]).push({ code: 'x' })
    }).toThrow(TypeError)
    expect(before.procedure?.code).not.toBe('1.999902')
    await importProcedures({
      db: testDb.db,
      filePath: writeJsonl(testDb.dir, 'drone.jsonl', [
        { ...flycam(), ma_thu_tuc: '1.999902', ten_thu_tuc: 'Cấp phép bay drone cho cá nhân' },
      ]),
      asOf: '2026-07-18',
    })
    expect(await kb.refresh()).toBe(true)
    expect((await kb.answer(question)).procedure?.code).toBe('1.999902')
    expect(kb.search('drone')[0]?.code).toBe('1.999902')
  })

  it('answers the same without caches', async () => {
    const cached = await newKb()
    const uncached = await createKnowledgeBase({ db: testDb.db, cacheEntries: 0 })
    open.push(uncached)
    for (const q of ['đăng ký kết hôn ở đâu', 'lam lai cccd bi mat', 'đổi GPLX hết bao nhiêu']) {
      await cached.answer(q)
      expect(await cached.answer(q)).toEqual(await uncached.answer(q))
      expect(await cached.answer(q, { procedureCode: '1.000894' })).toEqual(
        await uncached.answer(q, { procedureCode: '1.000894' }),
      )
    }
  })

  it('rejects a malformed admin synonyms file', async () => {
    const file = join(testDb.dir, 'bad-synonyms.json')
    writeFileSync(file, JSON.stringify({ expansions: 'gplx' }))
    await expect(createKnowledgeBase({ db: testDb.db, synonymsFile: file })).rejects.toBeInstanceOf(AppError)
  })

  it('uses the admin synonyms file', async () => {
    const file = join(testDb.dir, 'synonyms.json')
    writeFileSync(file, JSON.stringify({ expansions: [{ from: ['lấy vợ'], to: 'đăng ký kết hôn' }] }))
    const kb = await createKnowledgeBase({ db: testDb.db, synonymsFile: file })
    open.push(kb)
    expect(kb.search('lấy vợ')[0]?.code).toBe('1.000894')
  })
})
