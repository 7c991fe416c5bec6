import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import { analyseProcedureName, createInterner } from '../../../knowledge/search/analyse-procedure-name.ts'
import { buildSearchIndex, type SearchIndex } from '../../../knowledge/search/build-search-index.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { compileSynonyms, readSynonymFiles } from '../../../knowledge/search/load-synonyms.ts'
import { createFactsPacker } from '../../../knowledge/search/pack-facts.ts'
import { searchProcedures } from '../../../knowledge/search/search-procedures.ts'
import type { TestDb } from '../../helpers/create-test-db.ts'
import { readEvalQuestions } from '../../helpers/paths.ts'
import { createPortalDb } from '../../helpers/portal-knowledge-base.ts'

let testDb: TestDb
let imported: Awaited<ReturnType<typeof listProcedures>>
let index: SearchIndex

beforeAll(async () => {
  testDb = await createPortalDb()
  imported = await listProcedures({ db: testDb.db })
  index = buildSearchIndex({ procedures: imported })
}, 60_000)
afterAll(() => testDb?.close())

/** The packed form's own columns (checked on their own below) are not part of the analysed facts. */
const COLUMNS = new Set(['foldedIds', 'accentedIds', 'tokenStart', 'tokenCount'])

const plain = (f: object) => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(f)) if (v !== undefined && !COLUMNS.has(k)) out[k] = v
  const { folded, accented } = f as { folded: string[]; accented: string[] }
  return { ...out, folded, accented }
}

describe('packed facts', () => {
  it('read as the analysed facts of every procedure, tokens included', () => {
    const intern = createInterner()
    for (const p of imported) {
      const analysed = analyseProcedureName(p, intern, new Map(), new Map())
      expect(plain(index.facts.get(p.code) as object)).toEqual(plain(analysed))
    }
  })

  it('keep no arrays of name tokens per procedure: the tokens are in columns shared by the index', () => {
    for (const f of index.ordered) {
      expect(Object.keys(f)).not.toContain('folded')
      expect(Object.keys(f)).not.toContain('accented')
    }
    // Each read builds a new array, so a change to one never reaches the index.
    const f = index.ordered[0]
    expect(f?.folded).not.toBe(f?.folded)
    f?.folded.push('x')
    expect(f?.folded.at(-1)).not.toBe('x')
  })

  it('give every name token as a number of the index token table, folded and accented alike', () => {
    const wordOf = new Map([...(index.tokenIds ?? new Map<string, number>())].map(([w, id]) => [id, w]))
    expect(wordOf.size).toBeGreaterThan(1000)
    for (const f of index.ordered) {
      const start = f.tokenStart as number
      const ids = (column: ArrayLike<number> | undefined) =>
        Array.from({ length: f.tokenCount as number }, (_, i) => wordOf.get(column?.[start + i] as number))
      expect(ids(f.foldedIds)).toEqual(f.folded)
      expect(ids(f.accentedIds)).toEqual(f.accented)
    }
  })

  it('share identical modifier lists and grow their columns past the first allocation', () => {
    const packer = createFactsPacker()
    const intern = createInterner()
    const packed = imported.map((p) => packer.pack(analyseProcedureName(p, intern, new Map(), new Map())))
    packer.finish()
    const reissues = packed.filter(
      (f) =>
        f.modifiers.length === 1 &&
        f.modifiers[0] === packed.find((g) => g.modifiers.length === 1)?.modifiers[0],
    )
    expect(reissues.length).toBeGreaterThan(1)
    expect(new Set(reissues.map((f) => f.modifiers)).size).toBe(1)
    const last = imported.at(-1)
    expect(packed.at(-1)?.accented).toEqual(
      analyseProcedureName(last as (typeof imported)[0], intern, new Map(), new Map()).accented,
    )
  })

  it('are read by the search as token numbers, ranking every evaluation question exactly as by words', () => {
    const synonyms = compileSynonyms(readSynonymFiles({}))
    const withSynonyms = buildSearchIndex({ procedures: imported, synonyms })
    const questions = readEvalQuestions()
    expect(questions.length).toBeGreaterThan(1000)
    const byWords: SearchIndex = { ...withSynonyms }
    delete byWords.tokenIds
    for (const question of questions) {
      const query = expandQuery(question, synonyms)
      const asNumbers = searchProcedures({ index: withSynonyms, synonyms, query, limit: 30 })
      expect(asNumbers, question).toEqual(searchProcedures({ index: byWords, synonyms, query, limit: 30 }))
    }
  }, 60_000)
})
