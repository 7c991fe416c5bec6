import type { Query } from 'minisearch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import {
  buildSearchIndex,
  FIELD_BOOSTS,
  type SearchIndex,
} from '../../../knowledge/search/build-search-index.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { compileSynonyms, readSynonymFiles } from '../../../knowledge/search/load-synonyms.ts'
import { retrieveBest } from '../../../knowledge/search/retrieve-best.ts'
import type { TestDb } from '../../helpers/create-test-db.ts'
import { readEvalQuestions } from '../../helpers/paths.ts'
import { createPortalDb } from '../../helpers/portal-knowledge-base.ts'

let testDb: TestDb
let index: SearchIndex
const synonyms = compileSynonyms(readSynonymFiles({}))

beforeAll(async () => {
  testDb = await createPortalDb()
  index = buildSearchIndex({ procedures: await listProcedures({ db: testDb.db }), synonyms })
}, 60_000)
afterAll(() => testDb?.close())

const questions = readEvalQuestions()

describe('retrieveBest', () => {
  it("gives MiniSearch's best hits, scores and order, for every evaluation question (with typos and type-ahead)", () => {
    expect(questions.length).toBeGreaterThan(1000)
    let ties = 0
    for (const question of questions) {
      const q = expandQuery(question, synonyms)
      const words = q.terms.map((t) => t.folded)
      const last = words.at(-1)
      const query: Query = {
        combineWith: 'OR',
        queries: [
          {
            queries: [[...words, ...q.bigrams].join(' ')],
            fields: Object.keys(FIELD_BOOSTS),
            boost: FIELD_BOOSTS,
            fuzzy: (term) => (term.length >= 5 && !index.df.has(term) ? 1 : false),
            prefix: (term) => term === last && term.length >= 3,
            boostTerm: (term) => (term.includes('_') ? 0.5 : 1),
          },
        ],
      }
      const hits = index.mini.search(query).map((h) => ({ id: h.id, score: h.score }))
      for (const limit of [1, 5, 80]) {
        const expected = hits.slice(0, limit)
        const got = retrieveBest({ mini: index.mini, query, limit })
        expect(got, question).toEqual(expected)
        for (let k = 1; k < got.length; k++) if (got[k]?.score === got[k - 1]?.score) ties++
      }
    }
    // Equal scores are common (level variants of one name): their order is checked above too.
    expect(ties).toBeGreaterThan(100)
  }, 120_000)

  it('gives nothing for a limit of 0 or a query nothing matches', () => {
    const query: Query = { combineWith: 'OR', queries: [{ queries: ['khai sinh'], fields: ['name'] }] }
    expect(retrieveBest({ mini: index.mini, query, limit: 0 })).toEqual([])
    expect(
      retrieveBest({
        mini: index.mini,
        query: { combineWith: 'OR', queries: [{ queries: ['zzqxw'], fields: ['name'] }] },
        limit: 5,
      }),
    ).toEqual([])
  })
})
