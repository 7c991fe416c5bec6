import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { rankByFit } from '../../../knowledge/answer/rank-by-fit.ts'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import {
  buildSearchIndex,
  countPhrase,
  type IndexableProcedure,
  type SearchIndex,
} from '../../../knowledge/search/build-search-index.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { searchProcedures } from '../../../knowledge/search/search-procedures.ts'
import type { TestDb } from '../../helpers/create-test-db.ts'
import { createPortalDb } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
let testDb: TestDb
let index: SearchIndex
let imported: Awaited<ReturnType<typeof listProcedures>>

/** A made-up record at one level, for the small indexes below. */
const procedure = (code: string, name: string, level: string, field: string): IndexableProcedure => ({
  code,
  name,
  levels: [level],
  field,
  audience: [],
})

const codes = (query: string, limit = 5) =>
  searchProcedures({ index, synonyms, query, limit }).map((r) => r.code)

beforeAll(async () => {
  testDb = await createPortalDb()
  imported = await listProcedures({ db: testDb.db })
  index = buildSearchIndex({ procedures: imported, synonyms })
}, 60_000)
afterAll(() => testDb?.close())

describe('searchProcedures on the imported portal export', () => {
  it('indexes every procedure', () => {
    expect(index.size).toBe(2642)
    expect(index.mini.documentCount).toBe(2642)
  })

  it('builds the same MiniSearch index in bulk as through addAll', () => {
    const viaAddAll = buildSearchIndex({ procedures: imported, synonyms, loader: 'addAll' })
    expect(JSON.stringify(index.mini.toJSON())).toBe(JSON.stringify(viaAddAll.mini.toJSON()))
  })

  it('finds a typed code first', () => {
    expect(codes('1.004222')[0]).toBe('1.004222')
    expect(codes('mã 1.014064 cần gì')[0]).toBe('1.014064')
  })

  it('finds a code typed without its dot', () => {
    expect(codes('1014064')[0]).toBe('1.014064')
  })

  it('answers "lam lai cccd bi mat" with the re-issue of the identity card, not a "…bị mất" procedure', () => {
    expect(codes('lam lai cccd bi mat')[0]).toBe('1.014064')
    expect(codes('lam lai the can cuoc bi mat')[0]).toBe('1.014064')
  })

  it('maps "đổi GPLX" to the licence exchange', () => {
    expect(codes('đổi GPLX')[0]).toBe('3.000347')
  })

  it('finds a certificate named in the short form the 2024 land procedures use ("Giấy chứng nhận")', () => {
    expect(codes('mat so hong lam lai')[0]).toBe('1.012786')
  })

  it('finds "sổ BHXH" in a name from the spelled-out words', () => {
    expect(codes('mat so bhxh xin cap lai')[0]).toBe('1.002759')
  })

  it('registers a newly bought vehicle for the first time, not a withdrawal or re-issue', () => {
    expect(codes('mua xe may moi dang ky bien so')[0]).toBe('1.013067')
  })

  it('puts re-issue and change variants behind the first issue when the citizen says "lần đầu"', () => {
    const first = codes('lam cccd lan dau', 3)
    expect(first).toContain('1.014061')
    expect(first).not.toContain('1.014064')
    expect(first).not.toContain('1.014063')
  })

  it('lists the commune-level variant before the province and central ones, keeping all three', () => {
    expect(codes('cấp lại thẻ căn cước', 3)).toEqual(['1.014064', '2.001194', '1.000757'])
  })

  it('prefers the main procedure over variants the query does not ask for', () => {
    expect(codes('đăng ký tạm trú')[0]).toBe('1.004194')
    expect(codes('đăng ký khai sinh')[0]).toBe('1.001193')
  })

  it('returns nothing for an empty or filler-only query', () => {
    expect(codes('')).toEqual([])
    expect(codes('cho tôi hỏi với ạ')).toEqual([])
  })

  it('reports how much of the query the name covers', () => {
    const [best] = searchProcedures({ index, synonyms, query: 'gia hạn tạm trú' })
    expect(best?.coverage).toBe(1)
    expect(best?.levelRank).toBe(0)
  })

  // Questions written for these tests, not taken from the eval set.
  it.each([
    ['cccd bi mat thi lam the nao', '1.014064'],
    ['cấp đổi cccd hết hạn', '1.014063'],
    ['xoá thường trú', '1.003197'],
    ['tách hộ khẩu', '1.010038'],
    ['gia hạn tạm trú mất mấy ngày', '1.002755'],
    ['đăng ký hộ kinh doanh cần giấy tờ gì', '1.001612'],
    ['tạm ngừng kinh doanh hộ kinh doanh', '1.001570'],
    ['tách thửa đất', '1.012784'],
    ['rút bhxh 1 lần', '1.001613'],
    // the social-insurance re-issue; 1.001294 and 1.001327 are the police's own, for its members (serves-forces.ts)
    ['thẻ bhyt bị mất', '1.002759'],
    ['caaps laij theer can cuoc', '1.014064'],
    ['ddang kys khai sinh', '1.001193'],
    ['thi bằng lái xe máy', '3.000346'],
    ['đăng ký xe mới mua', ['1.013066', '1.012575', '1.013067']],
    ['chứng thực di chúc', '2.001019'],
    ['xác nhận độc thân', '1.004873'],
  ])('held-out question "%s" ranks a right procedure first', (question, expected) => {
    expect([expected].flat()).toContain(codes(question)[0])
  })
})

describe('searchProcedures with the fit model as its reranker', () => {
  const actions = builtInProcedureActions()
  const fitted = (query: string, limit = 3) =>
    searchProcedures({
      index,
      synonyms,
      query,
      limit,
      rerank: (results, q) => rankByFit({ results, question: actions.ofQuestion(q.tokens), actions }),
    })

  it('ranks the procedure that fits first among neighbours the words alone put ahead', () => {
    // Words alone: the employer's refund comes first.
    expect(codes('tu quyet toan thue tncn de hoan thue nop thua', 1)).toEqual(['1.008562'])
    expect(fitted('bố em mới mất, làm giấy khai tử cần những gì ạ', 1).map((r) => r.code)).toEqual([
      '1.000656',
    ])
    expect(fitted('tu quyet toan thue tncn de hoan thue nop thua', 1).map((r) => r.code)).toEqual([
      '2.002233',
    ])
    expect(fitted('đăng ký lại khai tử cho ông nội', 1).map((r) => r.code)).toEqual(['1.005461'])
  })

  it('marks the results with the adjustment it applied', () => {
    const [first] = fitted('tu quyet toan thue tncn de hoan thue nop thua', 1)
    expect(first?.fit).toBeGreaterThanOrEqual(0)
    expect(first?.group).toMatch(/quyet toan thue/)
  })
})

describe('searchProcedures accent handling', () => {
  const small = buildSearchIndex({
    procedures: [
      procedure('9.000001', 'Cấp phép đường thủy', 'Cấp xã', 'Thử'),
      procedure('9.000002', 'Cấp phép dương thủy', 'Cấp xã', 'Thử'),
    ],
  })
  const top = (query: string) => searchProcedures({ index: small, synonyms, query }).map((r) => r.code)

  it('ranks the exact-accent match first when the user typed diacritics', () => {
    expect(top('đường thủy')[0]).toBe('9.000001')
    expect(top('dương thuỷ')[0]).toBe('9.000002')
  })

  it('matches both when the user typed no diacritics', () => {
    expect(top('duong thuy').sort()).toEqual(['9.000001', '9.000002'])
  })

  it('counts a word typed with other marks as not covered, and words only in the level suffix as not covered', () => {
    const withSuffix = buildSearchIndex({
      procedures: [
        procedure('9.000003', 'Cấp phép dương thủy (thực hiện tại cấp huyện)', 'Cấp huyện', 'Thử'),
      ],
    })
    const scored = (query: string) => searchProcedures({ index: withSuffix, synonyms, query })[0]
    // "đường" typed with marks is not the "dương" of the name where names hold "đường" as often as
    // here; "thủy" is covered.
    const withRoads = buildSearchIndex({
      procedures: [
        procedure('9.000003', 'Cấp phép dương thủy (thực hiện tại cấp huyện)', 'Cấp huyện', 'Thử'),
        ...['bộ', 'sắt', 'ngang'].map((w, k) =>
          procedure(`9.00001${k}`, `Cấp phép đường ${w}`, 'Cấp tỉnh', 'Thử'),
        ),
      ],
    })
    const ofCode = (query: string) =>
      searchProcedures({ index: withRoads, synonyms, query }).find((r) => r.code === '9.000003')
    expect(ofCode('đường thủy')).toMatchObject({ coverage: 0.5, uncovered: ['duong'] })
    expect(ofCode('duong thuy')).toMatchObject({ coverage: 1, uncovered: [] })
    // where no other name holds "đường", beside the name's own "thủy" its marks were a slip
    expect(scored('đường thủy')).toMatchObject({ coverage: 1, uncovered: [] })
    // "huyện" is only in the level suffix: it finds the name but the base name does not cover it.
    expect(scored('dương thủy huyện')?.uncovered).toEqual(['huyen'])
    // The pair counts anywhere in the name, the same with marks or without.
    expect(scored('dương thủy huyện')?.score).toBeGreaterThan(scored('huyện dương')?.score ?? 1)
  })
})

describe('searchProcedures with abbreviations written in names', () => {
  const small = buildSearchIndex({
    procedures: [
      procedure('9.000011', 'Hoàn thuế TNCN đối với cá nhân', 'Cấp tỉnh', 'Thuế'),
      procedure('9.000012', 'Khai thuế giá trị gia tăng', 'Cấp tỉnh', 'Thuế'),
    ],
    synonyms,
  })

  it('matches the spelled-out words to the abbreviation in the name', () => {
    expect(searchProcedures({ index: small, synonyms, query: 'hoàn thuế thu nhập cá nhân' })[0]?.code).toBe(
      '9.000011',
    )
  })

  it('matches the abbreviation typed by the user to the spelled-out name', () => {
    expect(searchProcedures({ index: small, synonyms, query: 'khai thuế GTGT' })[0]?.code).toBe('9.000012')
  })

  it('indexes the word pairs an abbreviation in a name stands for', () => {
    expect(small.facts.get('9.000011')?.expandedPairs).toEqual(['thu_nhap', 'nhap_ca', 'ca_nhan'])
    expect(small.mini.search('thu_nhap').map((r) => r.id)).toEqual(['9.000011'])
  })
})

describe('searchProcedures on a large knowledge base with local variants', () => {
  let large: SearchIndex
  /** Every imported record twice: as it is, and as a Ninh Bình variant. */
  const withLocalVariants = () => [
    ...imported,
    ...imported.map((p) => ({ ...p, code: `${p.code}-nb`, name: `${p.name} tại tỉnh Ninh Bình` })),
  ]
  const search = (query: string, limit = 5) =>
    searchProcedures({ index: large, synonyms, query, limit }).map((r) => r.code)

  beforeAll(() => {
    large = buildSearchIndex({ procedures: withLocalVariants(), synonyms })
  })

  it('fills MiniSearch in bulk exactly as its public addAll would', () => {
    const viaAddAll = buildSearchIndex({ procedures: withLocalVariants(), synonyms, loader: 'addAll' })
    expect(JSON.stringify(large.mini.toJSON())).toBe(JSON.stringify(viaAddAll.mini.toJSON()))
    expect(large.mini.search('khai_sinh cuoc')).toEqual(viaAddAll.mini.search('khai_sinh cuoc'))
  })

  it('keeps words found in most names out of MiniSearch, in compact lists', () => {
    expect(large.size).toBe(2 * 2642)
    expect(large.common.get('ninh')?.length).toBeGreaterThanOrEqual(2642)
    expect(large.mini.search('ninh')).toEqual([])
    expect(large.mini.search('cuoc').length).toBeGreaterThan(0)
  })

  it('still answers a question made only of such words, shortest names first', () => {
    const found = searchProcedures({ index: large, synonyms, query: 'ninh binh', limit: 10 })
    expect(found).toHaveLength(10)
    for (const r of found) expect(r.name).toMatch(/tại tỉnh Ninh Bình$/)
  })

  it('ranks with them: the local variant when the place is asked, the general procedure otherwise', () => {
    expect(search('lam lai cccd bi mat')[0]).toBe('1.014064')
    expect(search('lam lai cccd bi mat o ninh binh')[0]).toBe('1.014064-nb')
  })
})

describe('countPhrase', () => {
  it.each(readCaseGroup('count-phrase', 'phrase'))(
    'counts whole-word occurrences left to right, without overlaps: %j holds %j %s times',
    (name, phrase, count) => {
      expect(countPhrase(name, phrase)).toBe(Number(count))
    },
  )
})
