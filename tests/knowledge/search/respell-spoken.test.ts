import { describe, expect, it } from 'vitest'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeMessage, foldToken } from '../../../knowledge/search/normalize-vietnamese.ts'
import { respellSpoken } from '../../../knowledge/search/respell-spoken.ts'
import type { NameWords } from '../../../knowledge/search/search-index.types.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()

/** The words, marked words and pairs of these names, counted as the index counts them. */
const nameWords = (names: string[]): NameWords => {
  const df = new Map<string, number>()
  const markedDf = new Map<string, number>()
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  for (const name of names) {
    const words = name.split(' ')
    const folded = words.map(foldToken)
    for (const k of new Set(folded)) add(df, k)
    for (const k of new Set(words.filter((w, i) => w !== folded[i]))) add(markedDf, k)
    for (const k of new Set(folded.slice(1).map((w, i) => `${folded[i]}_${w}`))) add(df, k)
  }
  return { df, markedDf, size: names.length }
}

// Names as many times as said: transfers of land, building permits, identity cards, the police's
// duties, land councils.
const names = nameWords(
  (
    [
      ['chuyển nhượng quyền sử dụng đất', 5],
      ['cấp giấy phép xây dựng nhà ở riêng lẻ', 5],
      ['làm thẻ căn cước', 5],
      ['xác nhận của công an xã', 6],
      ['hội đồng công nhận giá đất', 5],
      ['thành lập hộ kinh doanh', 5],
    ] as const
  ).flatMap(([name, times]) => Array.from({ length: times }, () => name)),
)
const words = (text: string) => respellSpoken(analyzeMessage(text), names, synonyms).map((t) => t.text)

describe('respellSpoken', () => {
  it('respells a syllable typed as it is said where one respelling pairs as the names or the dictionary do', () => {
    expect(words('chuyễn nhượn quyền sử dụng đất')).toEqual([
      'chuyễn',
      'nhượng',
      'quyền',
      'sử',
      'dụng',
      'đất',
    ])
    expect(words('xin giấy phép sây dựng')).toEqual(['xin', 'giấy', 'phép', 'xây', 'dựng'])
    // a final consonant said alike ("thàn" for "thành")
    expect(words('đăng ký thàn lập hộ kinh doanh')).toContain('thành')
    // the dictionary's everyday phrase "làm lại", written with these marks
    expect(words('nàm lại căn cước')).toEqual(['làm', 'lại', 'căn', 'cước'])
  })

  it('keeps a word meant as typed', () => {
    // a real word beside a word another pair holds more strongly: "công an", not "hội đồng công nhận"
    expect(words('lấy lời khai ở đồn công an')).toContain('đồn')
    // a pair a name holds vouches for its words as typed
    expect(words('giấy phép xây dựng')).toEqual(['giấy', 'phép', 'xây', 'dựng'])
    // typed without marks, the syllable meant cannot be told ("nam" is "năm" as often as "nàm")
    expect(words('nam lai can cuoc')).toEqual(['nam', 'lai', 'can', 'cuoc'])
    // no respelling pairs: "giò chả" is food
    expect(words('xưởng làm giò chả')).toEqual(['xưởng', 'làm', 'giò', 'chả'])
    // not across a clause break
    expect(words('đi mua nhượn, quyền sử dụng đất')).toContain('nhượn')
  })

  it('returns the same tokens when nothing is respelled', () => {
    const typed = analyzeMessage('cấp giấy phép xây dựng')
    expect(respellSpoken(typed, names, synonyms)).toBe(typed)
  })

  const portal = usePortalKnowledgeBase()

  it('answers from the official records what was meant', async () => {
    const building = await portal.kb.answer('xin giấy phép sây dựng nhà ở')
    expect(building.kind).toBe('answer')
    expect(building.procedure?.name).toMatch(/^Cấp giấy phép xây dựng/)
    const copy = await portal.kb.answer('chích lục khai tử cho bố')
    expect(copy.kind).toBe('answer')
    // "Cấp bản sao trích lục hộ tịch", not the death registration itself
    expect(copy.procedure?.code).toBe('2.000635')
  })
})
