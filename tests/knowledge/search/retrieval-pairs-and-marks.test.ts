import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importProcedures } from '../../../knowledge/procedures/import-procedures.ts'
import { listProcedures } from '../../../knowledge/procedures/list-procedures.ts'
import { buildSearchIndex, type SearchIndex } from '../../../knowledge/search/build-search-index.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { searchProcedures } from '../../../knowledge/search/search-procedures.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'
import { proceduresFile } from '../../helpers/paths.ts'

const synonyms = loadSynonyms()
let testDb: TestDb
let index: SearchIndex

const search = (query: string, limit = 10) => searchProcedures({ index, synonyms, query, limit })
const codes = (query: string, limit = 10) => search(query, limit).map((r) => r.code)

beforeAll(async () => {
  testDb = await createTestDb()
  await importProcedures({ db: testDb.db, filePath: proceduresFile, asOf: '2026-07-15' })
  index = buildSearchIndex({ procedures: await listProcedures({ db: testDb.db }), synonyms })
}, 60_000)
afterAll(() => testDb?.close())

describe('retrieval by word pairs beside the rare words', () => {
  it('finds "Đăng ký lại khai tử" in a long question whose rare words are about something else', () => {
    const q =
      'bà tôi mất từ năm 1995, hồi đó có khai tử nhưng giờ giấy tờ thất lạc, sổ ở xã cũng mất, muốn đăng ký lại để chia thừa kế'
    expect(codes(q)).toContain('1.005461')
  })

  it('finds "Cấp đổi thẻ căn cước" when a CCCD number and an age take the rarest words', () => {
    const q =
      'CCCD số 038095001234 của tôi sắp hết hạn khi đủ 25 tuổi, đổi sang thẻ căn cước mới mấy ngày thì có'
    expect(codes(q, 5)).toContain('1.014063')
  })

  it('finds "Thủ tục đăng ký lại kết hôn" when a year, a loss and the register take the rarest words and pairs', () => {
    const q =
      'bố mẹ cưới năm 1995, giấy đăng ký kết hôn mất, sổ hộ tịch ở xã cũng thất lạc, đăng ký lại kết hôn được không'
    expect(codes(q, 3)).toContain('1.004746')
  })
})

describe('abbreviations written in names keep their marks', () => {
  it('spells BHYT out with marks in the index facts', () => {
    const f = index.facts.get('1.002759')
    expect(f?.name).toContain('BHYT')
    expect(f?.expandedAccented).toContain('bảo')
    expect(f?.expanded).toContain('bao')
  })

  it('does not count a typed "báo" as the "bảo" of BHYT, but an unmarked "bao" still may be', () => {
    const marked = search('cấp lại thẻ báo').find((r) => r.code === '1.002759')
    expect(marked?.uncovered).toContain('bao')
    const unmarked = search('cap lai the bao').find((r) => r.code === '1.002759')
    expect(unmarked).toBeDefined()
    expect(unmarked?.uncovered).not.toContain('bao')
  })
})

describe('everyday words', () => {
  it('keeps an unmarked "the" (thẻ or thế) as a weak word instead of dropping it', () => {
    const terms = expandQuery('cong ty muon giai the', synonyms).terms.map((t) => t.folded)
    expect(terms).toContain('the')
    expect(expandQuery('làm thế nào', synonyms).terms).toEqual([])
  })

  it('reads e-visa as thị thực điện tử', () => {
    expect(codes('nguoi nuoc ngoai xin e-visa vao Viet Nam mat bao nhieu tien', 3)).toContain('1.002757')
  })

  it('reads "ra khỏi danh sách cận nghèo" as the hộ thoát cận nghèo procedure', () => {
    expect(codes('ho can ngheo gio lam an kha len, muon xin ra khoi danh sach can ngheo', 3)).toContain(
      '1.011608',
    )
  })
})

describe('a word typed with a slip of its marks', () => {
  it('matches the name word it pairs with its neighbour as in the names ("phù hiêu" is "phù hiệu")', () => {
    const typed = search('phù hiêu xe tải', 3)
    expect(typed[0]?.code).toBe('2.002288')
    expect(typed[0]?.uncovered).toEqual([])
    expect(typed[0]?.coverage).toBe(search('phù hiệu xe tải', 3)[0]?.coverage)
  })

  it('reads a phrase of the dictionary with one such word ("giây phép xây dưng nhà ở")', () => {
    expect(codes('xin giây phép xây dưng nhà ở', 1)).toEqual(codes('xin giấy phép xây dựng nhà ở', 1))
    expect(codes('xin giây phép xây dưng nhà ở', 1)).toEqual(['1.013225'])
  })

  it('keeps a marked word many names hold as typed ("hải quân" is not "hải quan")', () => {
    const navy = search('hải quân', 5)
    expect(navy.some((r) => r.name.toLowerCase().includes('hải quan'))).toBe(true)
    for (const r of navy.filter((r) => r.name.toLowerCase().includes('hải quan')))
      expect(r.uncovered).toContain('quan')
  })
})
