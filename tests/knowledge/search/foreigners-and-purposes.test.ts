import { describe, expect, it } from 'vitest'
import { type ExpandedQuery, expandQuery } from '../../../knowledge/search/expand-query.ts'
import {
  compileSynonyms,
  loadSynonyms,
  type SynonymsFile,
  ZSynonymsFile,
} from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
// One knowledge base over the portal export for the whole file, and the code it ranks first.
const portal = usePortalKnowledgeBase()
const first = (question: string) => portal.kb.search(question, { limit: 3 })[0]?.code

// Ranking on the shipped export: a foreign person is not a civil-status "có yếu tố nước ngoài"
// record nor a place abroad, a residence card is not a residence registration, and the purpose
// of a question ("… để xây nhà") does not outrank what it asks for.
describe('foreigners, residence cards and purposes on the portal export', () => {
  const top3 = (question: string) => portal.kb.search(question, { limit: 3 }).map((r) => r.code)

  it.each([
    // "có yếu tố" is an optional qualifier of a foreign person: residence cards first.
    ['xin thẻ tạm trú cho chồng người nước ngoài', ['1.003460', '1.003358']],
    ['cap thi thuc cho nguoi nuoc ngoai dang o viet nam', ['1.001194']],
    // "thẻ thường trú" and "khai báo tạm trú" are names of their own, not "đăng ký thường/tạm trú".
    ['vợ tôi người Philippines muốn xin thẻ thường trú', ['1.001010', '1.003290']],
    ['khai bao tam tru cho nguoi nuoc ngoai o nha minh', ['1.000253', '1.001437']],
  ])('"%s" finds a procedure for foreigners first', (question, codes) => {
    expect(codes).toContain(first(question))
  })

  // The civil-status records "có yếu tố nước ngoài", "ở nước ngoài" in a name, and the object before
  // "để": tests/fixtures/cases/search-first.tsv, group "foreigners".
  it.each(readCaseGroup('search-first', 'foreigners'))('"%s" finds %s first', (question, code) => {
    expect(first(question)).toBe(code)
  })

  it('does not count the words of a bracketed scope for precision (the name is measured without it)', () => {
    // "Nghiệm thu về phòng cháy chữa cháy (đối với dự án đầu tư xây dựng công trình, …)" no longer
    // outranks the appraisal the question names because its bracket holds "xây dựng".
    expect(first('xây nhà trọ 5 tầng cho thuê có phải thẩm định thiết kế phòng cháy chữa cháy không')).toBe(
      '3.000489',
    )
    expect(first('gia han visa cho nguoi nuoc ngoai dang o VN')).toBe('1.001146')
    const appraisal = portal.kb
      .search('nghiệm thu phòng cháy chữa cháy dự án đầu tư xây dựng công trình', { limit: 5 })
      .find((r) => r.code === '3.000493')
    expect(appraisal?.precision).toBeLessThan(1)
  })

  it('reads a record whose level is spelled without marks as a level variant', () => {
    // "(thực hiện tại cấp tinh)": the province's card, ranked as the province level.
    expect(top3('the thuong tru cho vo nguoi nuoc ngoai le phi bao nhieu')).toContain('1.001010')
  })
})

describe('purpose clauses in the expanded query', () => {
  const purposeOf = (q: ExpandedQuery) => q.terms.filter((t) => t.purpose).map((t) => t.folded)
  const purpose = (question: string) => purposeOf(expandQuery(question, synonyms))

  it('marks the words after "để" and keeps the pairs said before it', () => {
    const q = expandQuery('chuyen dat vuon sang dat o de xay nha thi thu tuc the nao', synonyms)
    expect(purposeOf(q)).toEqual(expect.arrayContaining(['xay', 'nha']))
    expect(q.terms.find((t) => t.folded === 'chuyen')?.purpose).toBeUndefined()
    expect(q.headPairs).toContain('muc_dich')
  })

  it('ends the purpose where a new clause starts and ignores "để" among the first words', () => {
    const after = purpose(
      'con toi da co giay khai sinh nhung de trong phan cha, gio bo chau muon nhan con thi lam thu tuc gi',
    )
    expect(after).toEqual(expect.arrayContaining(['trong', 'phan']))
    expect(after).not.toContain('nhan')
    expect(purpose('để đăng ký kết hôn cần giấy tờ gì')).toEqual([])
  })

  it('does not take weak words or numbers before "để" for a topic', () => {
    const q = expandQuery('con mới đẻ được 1 tuần cần giấy tờ gì để làm giấy khai sinh', synonyms)
    expect(q.headPairs).toEqual([])
  })
})

describe('everyday names for companies, cooperatives, poor households and vehicle inspection', () => {
  it.each(readCaseGroup('search-first', 'companies-and-inspection'))(
    '"%s" finds %s first',
    (question, code) => {
      expect(first(question)).toBe(code)
    },
  )
})

/**
 * The words a question is searched for under the expansions of a synonyms file as an operator
 * writes it, read by the schema the loader uses.
 */
const expandingWith = (expansions: SynonymsFile['expansions']) => {
  const vocabulary = compileSynonyms([ZSynonymsFile.parse({ expansions })])
  return (q: string) => expandQuery(q, vocabulary).terms.map((t) => t.text)
}
/** The same words, joined into one string. */
const wordsWith = (expansions: SynonymsFile['expansions']) => {
  const terms = expandingWith(expansions)
  return (q: string) => terms(q).join(' ')
}

describe('an everyday phrase with a plain and a context-bound expansion', () => {
  const words = wordsWith([
    { from: ['giấy phép kinh doanh'], to: 'hộ kinh doanh' },
    { from: ['giấy phép kinh doanh'], to: 'đăng ký doanh nghiệp', when: ['công ty'] },
  ])

  it('keeps both, the context-bound one first', () => {
    expect(words('giấy phép kinh doanh của công ty')).toContain('đăng ký doanh nghiệp')
    expect(words('giấy phép kinh doanh tiệm vàng')).toBe('hộ kinh doanh tiệm vàng')
  })
})

describe('an everyday phrase with several context-bound expansions', () => {
  // "ghi sai" is a land certificate's correction beside "sổ đỏ", a civil-status correction beside "khai
  // sinh" and the insurance book's beside "BHXH": each context keeps its own, in the order written.
  const words = wordsWith([
    { from: ['ghi sai'], to: 'đính chính', when: ['sổ đỏ'] },
    { from: ['ghi sai'], to: 'cải chính hộ tịch', when: ['khai sinh'] },
    { from: ['ghi sai'], to: 'điều chỉnh thông tin', when: ['bhxh'] },
  ])

  it.each([
    ['sổ đỏ ghi sai', 'sổ đỏ đính chính'],
    ['khai sinh ghi sai', 'khai sinh cải chính hộ tịch'],
    ['bhxh ghi sai', 'bhxh điều chỉnh thông tin'],
    ['ghi sai', 'ghi sai'],
  ])(
    'keeps every one and uses the one whose context the question names: "%s" → "%s"',
    (question, expected) => {
      expect(words(question)).toBe(expected)
    },
  )

  it('lets a later one for the same context replace the earlier', () => {
    const replaced = expandingWith([
      { from: ['ghi sai'], to: 'đính chính', when: ['sổ đỏ'] },
      { from: ['ghi sai'], to: 'cấp đổi', when: ['sổ đỏ'] },
    ])
    expect(replaced('sổ đỏ ghi sai')).toContain('cấp')
    expect(replaced('sổ đỏ ghi sai')).not.toContain('đính')
  })
})
