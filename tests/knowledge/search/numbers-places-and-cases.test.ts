import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const synonyms = loadSynonyms()
const portal = usePortalKnowledgeBase()
const top = (question: string, limit = 1) => portal.kb.search(question, { limit }).map((r) => r.code)
const first = (question: string) => top(question)[0]
const qualifiers = (question: string) =>
  expandQuery(question, synonyms)
    .terms.filter((t) => t.qualifier)
    .map((t) => t.folded)

describe('a digit as the names spell it', () => {
  it('adds the number word and the Roman numeral as optional qualifiers', () => {
    expect(qualifiers('lập công ty TNHH 2 thành viên')).toEqual(['hai', 'ii'])
    expect(qualifiers('chứng chỉ hành nghề giám sát hạng 3')).toEqual(['ba', 'iii'])
    // A grade at the end of the question still counts.
    expect(qualifiers('trung tâm sát hạch lái xe loại 2')).toEqual(['hai', 'ii'])
  })

  it('leaves durations, ages, amounts, years and codes as typed', () => {
    expect(qualifiers('làm việc ở Việt Nam 3 năm')).toEqual([])
    expect(qualifiers('bao nhiêu tiền 1 trang')).toEqual([])
    expect(qualifiers('cưới năm 1995')).toEqual([])
    expect(qualifiers('con 2 tuổi')).toEqual([])
    // A label: the criminal-record certificate "số 2", a form "mẫu 1".
    expect(qualifiers('phiếu lý lịch tư pháp số 2 bao lâu thì có')).toEqual([])
  })

  // The company with two or more members first for "2 thành viên" (the one-member company for "1"):
  // tests/fixtures/cases/search-first.tsv, group "members".
  it.each(readCaseGroup('search-first', 'members'))('"%s" finds %s first', (question, code) => {
    expect(first(question)).toBe(code)
  })
})

describe('a country named as a place', () => {
  // The abroad variant for "đang sống ở Đức", "ghi chú" of a marriage abroad, a foreign person in the
  // country: tests/fixtures/cases/search-first.tsv, group "countries".
  it.each(readCaseGroup('search-first', 'countries'))('"%s" finds %s first', (question, code) => {
    expect(first(question)).toBe(code)
  })
})

describe('everyday words for banknotes, pesticides, driving tests, skippers and certified copies', () => {
  it.each(readCaseGroup('search-first', 'banknotes-to-copies'))('"%s" finds %s first', (question, code) => {
    expect(first(question)).toBe(code)
  })

  it('does not read a complaint about a hospital charging money as a sickness benefit', () => {
    const words = expandQuery(
      'Khiếu nại bệnh viện huyện thu tiền viện phí sai thì gửi đơn cho ai',
      synonyms,
    ).terms
    expect(words.map((t) => t.folded)).not.toContain('om')
  })

  it("puts the change of a company's head-office address among the first three", () => {
    expect(top('chuyển trụ sở công ty từ Bình Dương về thành phố Hồ Chí Minh', 3)).toContain('2.002041')
  })

  it('puts the dissolution of a company among the first three', () => {
    expect(top('giải thể công ty thủ tục thế nào', 3)).toContain('2.002023')
  })
})
