import { describe, expect, it } from 'vitest'
import { decideConfidence } from '../../../knowledge/answer/decide-confidence.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { exportResult } from '../../helpers/export-names.ts'

const actions = builtInProcedureActions()
const full = (...words: string[]) => words.map((folded) => ({ folded, weight: 1 }))
const decide = (
  top: ReturnType<typeof exportResult>,
  terms: { folded: string; weight: number }[],
  wordShare?: (folded: string) => number,
) =>
  decideConfidence({
    top,
    terms,
    phraseWords: actions.phraseWords(analyzeText(top.name)),
    ...(wordShare ? { wordShare } : {}),
  })

describe('how sure an answer may be', () => {
  it('is sure of a short name holding the question\'s words ("cấp đổi thẻ căn cước")', () => {
    const top = exportResult('1.014063', 2.3, { coverage: 1, idfCoverage: 1, precision: 1 })
    expect(decide(top, full('cap', 'doi', 'the', 'can', 'cuoc'))).toBeNull()
  })

  it('doubts a name holding little of the question\'s rare words and little of its own ("weak")', () => {
    const top = exportResult('1.014063', 1.1, { coverage: 0.45, idfCoverage: 0.4, precision: 0.5 })
    expect(decide(top, full('doi', 'the', 'can', 'cuoc', 'hong', 'chip'))).toBe('weak')
  })

  it('is sure of a name half asked about whose missing words are the story\'s ("sổ đỏ ghi sai tên chủ đất, muốn đính chính")', () => {
    const top = exportResult('1.014063', 1.3, {
      coverage: 0.5,
      idfCoverage: 0.45,
      precision: 0.5,
      uncovered: ['hong', 'chip'],
    })
    const terms = full('doi', 'the', 'can', 'cuoc', 'hong', 'chip')
    // words other procedure names hold: the question tells more than it asks
    expect(decide(top, terms, () => 0.01)).toBeNull()
    // a word no procedure name holds ("massage"): what it asks about is not in the records
    expect(decide(top, terms, (w) => (w === 'chip' ? 0 : 0.01))).toBe('weak')
    // without the names' word shares, and below 40 % of the name asked about, it stays weak
    expect(decide(top, terms)).toBe('weak')
    expect(decide({ ...top, precision: 0.35 }, terms, () => 0.01)).toBe('weak')
  })

  it('doubts a few common words found in a corner of a long name ("scattered")', () => {
    // "kết quả giải quyết hồ sơ nhận ở đâu" against a land-rent exemption named in 30-odd words
    const top = exportResult('1.008568', 1.5, {
      coverage: 0.8,
      idfCoverage: 0.8,
      precision: 0.138,
      uncovered: ['nhan'],
    })
    expect(decide(top, full('ket', 'qua', 'giai', 'quyet', 'nhan'))).toBe('scattered')
  })

  it('is sure of a long name when the question holds enough of it ("đăng ký sang tên xe")', () => {
    const top = exportResult('1.013076', 2, { coverage: 1, idfCoverage: 1, precision: 0.162 })
    expect(decide(top, full('dang', 'ki', 'sang', 'ten', 'xe', 'thay', 'doi', 'chu'))).toBeNull()
  })

  it('doubts a name that shares only the question\'s action ("tìm lại" → "Khôi phục … hộ chiếu")', () => {
    const top = exportResult('1.010384', 1, {
      coverage: 0.48,
      idfCoverage: 0.6,
      precision: 0.6,
      uncovered: ['vi', 'duoc'],
    })
    expect(decide(top, full('khoi', 'phuc', 'vi', 'duoc'))).toBe('action-only')
  })

  it('is sure of the same name when the question also names its object ("tìm thấy hộ chiếu")', () => {
    const top = exportResult('1.010384', 2, { coverage: 0.7, idfCoverage: 0.8, precision: 1 })
    expect(decide(top, full('khoi', 'phuc', 'ho', 'chieu'))).toBeNull()
  })

  it('is sure of a name that opens with the question\'s action and qualifier words, its object ("giải thể doanh nghiệp")', () => {
    // "Giải thể doanh nghiệp, giải thể trong trường hợp bị thu hồi Giấy chứng nhận đăng ký doanh nghiệp …"
    const top = exportResult('2.002023', 2.2, { coverage: 1, idfCoverage: 1, precision: 0.16 })
    expect(decide(top, full('giai', 'the', 'doanh', 'nghiep'))).toBeNull()
    // the same words, not at its opening, are still only its action and a case
    const other = exportResult('1.010010', 2, { coverage: 1, idfCoverage: 1, precision: 0.2 })
    expect(decide(other, full('giai', 'the', 'doanh', 'nghiep'))).toBe('action-only')
  })

  it('offers, neither denies nor trusts, a name whose shared words include a qualifier no name carries ("bảo hiểm xã hội")', () => {
    // "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp"
    const top = exportResult('1.001601', 1.2, {
      coverage: 0.8,
      idfCoverage: 0.8,
      precision: 0.6,
      uncovered: ['tien', 'me'],
    })
    const words = analyzeText(top.name)
    const terms = full('linh', 'tien', 'bao', 'hiem', 'xa', 'hoi', 'thay', 'me', 'uy', 'quyen')
    const options = { top, terms, phraseWords: actions.phraseWords(words) }
    expect(decideConfidence(options)).toBe('action-only')
    expect(decideConfidence({ ...options, ownPhraseWords: actions.ownPhraseWords(words) })).toBe(
      'qualifier-only',
    )
  })

  it('never doubts a procedure asked for by its code', () => {
    const top = exportResult('1.010384', 1000, { coverage: 1, idfCoverage: 1, precision: 0.1 })
    expect(decide(top, full('khoi', 'phuc'))).toBeNull()
  })
})
