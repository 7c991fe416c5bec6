import type { Query } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { FIELD_BOOSTS, type SearchIndex } from '../../../knowledge/search/build-search-index.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { type RetrievalTerm, retrieveByTerms } from '../../../knowledge/search/retrieve-by-terms.ts'
import { readEvalQuestions } from '../../helpers/paths.ts'
import { usePortalSearchIndexes } from '../../helpers/portal-search-indexes.ts'

const portal = usePortalSearchIndexes()

const questions = readEvalQuestions()

/** The retrieval words of a question, with typos, type-ahead and boosts as the search sets them. */
const specsOf = (ix: SearchIndex, words: string[]): RetrievalTerm[] => {
  const last = words.at(-1)
  return words.map((term) => ({
    term,
    fuzzy: term.length >= 5 && !/[\d_]/.test(term) && !ix.df.has(term) ? 1 : false,
    prefix: term === last && term.length >= 3,
    boost: term.includes('_') ? 0.5 : term.length > 5 ? 1.3 : 1,
  }))
}

/** The same words as one MiniSearch query (what the search asked MiniSearch before). */
const queryOf = (specs: RetrievalTerm[]): Query => {
  const spec = (term: string) => specs.find((s) => s.term === term) as RetrievalTerm
  return {
    combineWith: 'OR',
    queries: [
      {
        queries: [specs.map((s) => s.term).join(' ')],
        fields: Object.keys(FIELD_BOOSTS),
        boost: FIELD_BOOSTS,
        fuzzy: (term) => spec(term).fuzzy,
        prefix: (term) => spec(term).prefix,
        boostTerm: (term) => spec(term).boost,
      },
    ],
  }
}

const compare = (ix: SearchIndex, words: string[], limits: number[]): number => {
  const specs = specsOf(ix, words)
  const hits = ix.mini.search(queryOf(specs)).map((h) => ({ id: h.id as string, score: h.score }))
  let ties = 0
  for (const limit of limits) {
    const got = retrieveByTerms({ mini: ix.mini, terms: specs, fieldBoosts: FIELD_BOOSTS, limit })
    expect(got, words.join(' ')).toEqual(hits.slice(0, limit))
    for (let k = 1; k < got.length; k++) if (got[k]?.score === got[k - 1]?.score) ties++
  }
  return ties
}

describe('retrieveByTerms', () => {
  it("gives MiniSearch's best hits, scores and order, for every evaluation question (with typos and type-ahead)", () => {
    expect(questions.length).toBeGreaterThan(1000)
    let ties = 0
    let typed = 0
    for (const question of questions) {
      const q = expandQuery(question, portal.synonyms)
      const words = [...new Set([...q.terms.map((t) => t.folded), ...q.bigrams])]
      if (!words.length) continue
      if (words.some((w) => w.length >= 5 && !/[\d_]/.test(w) && !portal.index.df.has(w))) typed++
      ties += compare(portal.index, words, [1, 5, 80])
    }
    // Equal scores are common (level variants of one name): their order is checked above too.
    expect(ties).toBeGreaterThan(100)
    // Typo matches were exercised, not only exact words.
    expect(typed).toBeGreaterThan(10)
  }, 120_000)

  it("gives the same over MiniSearch's own Map postings (an index built through addAll)", () => {
    for (const question of questions.slice(0, 300)) {
      const q = expandQuery(question, portal.synonyms)
      const words = [...new Set([...q.terms.map((t) => t.folded), ...q.bigrams])]
      if (words.length) compare(portal.viaAddAll, words, [80])
    }
  }, 60_000)

  it('counts a word given twice once, adds its score twice, and keeps typos and prefixes of a word', () => {
    compare(portal.index, ['khai', 'sinh', 'khai'], [1, 10, 80])
    compare(portal.index, ['dang', 'ky', 'ket', 'hon', 'dang'], [80])
    // a typo ("chung thuc" misspelt) and a word being typed
    compare(portal.index, ['chungg', 'thuc', 'ban', 'sa'], [80])
  })

  it('gives nothing for a limit of 0, no words or words nothing matches', () => {
    const specs = specsOf(portal.index, ['khai', 'sinh'])
    expect(
      retrieveByTerms({ mini: portal.index.mini, terms: specs, fieldBoosts: FIELD_BOOSTS, limit: 0 }),
    ).toEqual([])
    expect(
      retrieveByTerms({ mini: portal.index.mini, terms: [], fieldBoosts: FIELD_BOOSTS, limit: 5 }),
    ).toEqual([])
    expect(
      retrieveByTerms({
        mini: portal.index.mini,
        terms: [{ term: 'zzqxw', fuzzy: false, prefix: false, boost: 1 }],
        fieldBoosts: FIELD_BOOSTS,
        limit: 5,
      }),
    ).toEqual([])
  })
})
