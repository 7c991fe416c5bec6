import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  buildSearchIndex,
  commonLimit,
  type SearchIndex,
} from '../../../knowledge/search/build-search-index.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { retrieveByPairs } from '../../../knowledge/search/retrieve-by-pairs.ts'
import { searchProcedures } from '../../../knowledge/search/search-procedures.ts'
import { readEvalQuestions } from '../../helpers/paths.ts'
import { usePortalSearchIndexes } from '../../helpers/portal-search-indexes.ts'

const portal = usePortalSearchIndexes()
const { synonyms } = portal
let local: SearchIndex

/** The indexed word pairs of every evaluation question (what the pair retrieval is given). */
const questionPairs = (index: SearchIndex): string[][] =>
  readEvalQuestions()
    .map((q) =>
      expandQuery(q, synonyms).bigrams.filter((p) => {
        const n = index.df.get(p) ?? 0
        return n > 0 && n <= commonLimit(index.size)
      }),
    )
    .filter((pairs) => pairs.length > 0)

/** What the search asked MiniSearch for before the pairs were read from their postings. */
const viaMiniSearch = (index: SearchIndex, pairs: string[], limit: number) =>
  index.mini
    .search(pairs.join(' '), { fields: ['pairs'], combineWith: 'OR' })
    .slice(0, limit)
    .map((h) => ({ id: h.id as string, score: h.score }))

beforeAll(() => {
  const imported = portal.procedures
  // Local copies make long pair postings with many equal scores (ties in MiniSearch's order).
  const procedures = [...imported]
  for (const place of ['tỉnh Ninh Bình', 'thành phố Hà Nội', 'tỉnh Lào Cai', 'xã Tân Lập, tỉnh Phú Thọ'])
    for (const p of imported)
      procedures.push({ ...p, code: `${p.code}-${place}`, name: `${p.name} tại ${place}` })
  local = buildSearchIndex({ procedures, synonyms })
}, 60_000)

describe('retrieveByPairs', () => {
  it('returns what MiniSearch returns for the same pairs, scores and order, at 2,642 records', () => {
    const sets = questionPairs(portal.index)
    expect(sets.length).toBeGreaterThan(500)
    for (const pairs of sets) {
      for (const limit of [1, 20]) {
        const few = pairs.slice(0, 3)
        expect(retrieveByPairs({ mini: portal.index.mini, pairs: few, limit })).toEqual(
          viaMiniSearch(portal.index, few, limit),
        )
        // Postings built through MiniSearch's own addAll (Maps) give the same.
        expect(retrieveByPairs({ mini: portal.viaAddAll.mini, pairs: few, limit })).toEqual(
          viaMiniSearch(portal.viaAddAll, few, limit),
        )
      }
    }
  })

  it('keeps MiniSearch’s order among equal scores in long postings, and a pair given twice', () => {
    for (const pairs of questionPairs(local)) {
      const few = pairs.slice(0, 3)
      expect(retrieveByPairs({ mini: local.mini, pairs: few, limit: 20 })).toEqual(
        viaMiniSearch(local, few, 20),
      )
    }
    const twice = ['khai_sinh', 'dang_ky', 'khai_sinh'].filter((p) => local.df.has(p))
    expect(twice.length).toBeGreaterThan(1)
    expect(retrieveByPairs({ mini: local.mini, pairs: twice, limit: 20 })).toEqual(
      viaMiniSearch(local, twice, 20),
    )
    expect(retrieveByPairs({ mini: local.mini, pairs: ['khong_co_cap_nay'], limit: 20 })).toEqual([])
  })

  it('is what the search uses: no MiniSearch query, the words and the pairs read from their postings', () => {
    const q =
      'bà tôi mất từ năm 1995, hồi đó có khai tử nhưng giờ giấy tờ thất lạc, sổ ở xã cũng mất, muốn đăng ký lại để chia thừa kế'
    // MiniSearch runs every query through `executeQuery` (its `search` too); the search reads the
    // words' hits from their postings (knowledge/search/retrieve-by-terms.ts), so it calls it never.
    // It calls itself for the parts of a combined query: only the calls with `combineWith` are whole queries.
    const spy = vi.spyOn(
      portal.index.mini as unknown as { executeQuery: (query: unknown) => unknown },
      'executeQuery',
    )
    const wholeQueries = () =>
      spy.mock.calls.filter(
        ([query]) => typeof query === 'object' && query !== null && 'combineWith' in query,
      ).length
    try {
      const found = searchProcedures({ index: portal.index, synonyms, query: q, limit: 10 }).map(
        (r) => r.code,
      )
      // "Đăng ký lại khai tử" comes from the pairs, outside the rare words' retrieval.
      expect(found).toContain('1.005461')
      expect(wholeQueries()).toBe(0)
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })
})
