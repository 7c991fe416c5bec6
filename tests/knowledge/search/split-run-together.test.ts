import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { splitRunTogether } from '../../../knowledge/search/split-run-together.ts'

const synonyms = loadSynonyms()
// The pairs and words a few names hold: "Đăng ký tạm trú", "Cấp hộ chiếu", "Hủy tờ khai hải quan", "Cấp phiếu lý lịch tư pháp".
const names = ['dang ki tam tru', 'cap ho chieu', 'huy to khai hai quan', 'cap phieu li lich tu phap']
const held = new Set(
  names.flatMap((n) => {
    const w = n.split(' ')
    return [...w, ...w.slice(1).map((x, k) => `${w[k]}_${x}`)]
  }),
)
const knows = (k: string) => held.has(k)
/** The same, as the index counts them for the query. */
const nameWords = { df: new Map([...held].map((k) => [k, 1])), size: names.length }
const words = (text: string) => splitRunTogether(analyzeMessage(text), knows, synonyms).map((t) => t.folded)

describe('splitRunTogether', () => {
  it('cuts words typed glued without marks where the names pair their syllables', () => {
    expect(words('dangky tamtru')).toEqual(['dang', 'ki', 'tam', 'tru'])
    expect(words('huy tokhai haiquan')).toEqual(['huy', 'to', 'khai', 'hai', 'quan'])
    expect(words('xin lylichtuphap')).toEqual(['xin', 'li', 'lich', 'tu', 'phap'])
  })

  it('cuts only where one way gives pairs the names or the dictionary hold', () => {
    // "hộ chiếu", not "học hiểu"
    expect(words('hochieu')).toEqual(['ho', 'chieu'])
    // the dictionary's own phrases count too ("hộ chiếu" is one)
    expect(splitRunTogether(analyzeMessage('hochieu'), () => false, synonyms).map((t) => t.folded)).toEqual([
      'ho',
      'chieu',
    ])
    // "trân châu", "trăn chậu" …: neither holds a pair of it
    expect(words('tranchau')).toEqual(['tranchau'])
  })

  it('drops a last letter typed twice where that leaves a syllable', () => {
    expect(words('co mat phi khongg')).toEqual(['co', 'mat', 'phi', 'khong'])
    expect(words('the naoo')).toEqual(['the', 'nao'])
  })

  it('leaves words it cannot read alone: English, abbreviations, numbers, words typed with marks', () => {
    const typed = analyzeMessage('online gplx 0912345678 căncước hello')
    expect(splitRunTogether(typed, knows, synonyms)).toBe(typed)
  })

  it('keeps a clause break on the first piece', () => {
    const [, first] = splitRunTogether(analyzeMessage('xin chào, tamtru'), knows, synonyms).slice(1)
    expect(first).toMatchObject({ folded: 'tam', clause: true })
  })

  it('lets the query read what was meant, when the names are known', () => {
    const terms = expandQuery('dangky tamtru', synonyms, nameWords).terms.map((t) => t.folded)
    expect(terms).toEqual(expect.arrayContaining(['tam', 'tru']))
    expect(expandQuery('dangky tamtru', synonyms).terms.map((t) => t.folded)).toContain('tamtru')
  })

  it('keeps the clauses of a long message where a glued word is cut: the story stays the story', () => {
    // (no "giờ": only the commas cut the clauses)
    const text =
      'vợ em mới sinh bé ở bệnh viện tỉnh hôm qua, nhà em ở quận Gò Vấp cũ, dangky tamtru cho bé ở đâu'
    const story = expandQuery(text, synonyms, nameWords)
      .terms.filter((t) => t.story)
      .map((t) => t.folded)
    expect(story).toEqual(expect.arrayContaining(['vien', 'go', 'vap']))
    expect(story).not.toContain('tam')
  })
})
