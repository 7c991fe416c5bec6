import { describe, expect, it } from 'vitest'
import {
  analyzeMessage,
  analyzeText,
  foldToken,
  foldVietnamese,
  isVietnameseSyllable,
  normalizeVietnamese,
  repairTelexToken,
  tokenizeVietnamese,
} from '../../../knowledge/search/normalize-vietnamese.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

describe('normalizeVietnamese', () => {
  it('makes NFD input NFC', () => {
    const normal = normalizeVietnamese('Đăng ký'.normalize('NFD'))
    expect(normal).toBe('đăng ký')
    expect(normal).toBe(normal.normalize('NFC'))
  })

  it('leaves text without marks as its lowercase, as placing tones word by word does', () => {
    const onsets = ['', 'b', 'ch', 'gi', 'ngh', 'qu', 'Th', 'TR', 'x']
    const nuclei = ['a', 'oa', 'uy', 'uye', 'ieu', 'oo', 'ua', 'y', 'e', 'ao']
    const codas = ['', 'c', 'ch', 'n', 'ng', 'nh', 'p', 't', 'x1', '2']
    const words = onsets.flatMap((o) => nuclei.flatMap((v) => codas.map((c) => `${o}${v}${c}`)))
    const text = `${words.join(' ')} 1.014064, GPLX-B2 (cap lai)`
    expect(normalizeVietnamese(text)).toBe(text.toLowerCase())
    // The same words beside one marked word go through the tone placement word by word.
    expect(normalizeVietnamese(`${text} đ`)).toBe(`${text.toLowerCase()} đ`)
    for (const w of words) expect(normalizeVietnamese(`${w} ơ`)).toBe(`${w.toLowerCase()} ơ`)
  })

  it.each(readCaseGroup('fold-vietnamese', 'normalize'))('%s', (_label, input, expected) => {
    expect(normalizeVietnamese(input)).toBe(expected)
    expect(normalizeVietnamese(input)).toBe(normalizeVietnamese(input).normalize('NFC'))
  })
})

describe('foldVietnamese', () => {
  it.each(readCaseGroup('fold-vietnamese', 'fold'))('folds %s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected)
  })

  it('keeps y in uy and ay clusters', () => {
    expect(foldToken('quy')).toBe('quy')
    expect(foldToken('tay')).toBe('tay')
    expect(foldToken('ky')).toBe('ki')
  })
})

describe('repairTelexToken', () => {
  it.each(readCaseGroup('fold-vietnamese', 'telex'))('repairs %s → %s', (input, expected) => {
    expect(repairTelexToken(input)).toBe(expected)
  })

  it.each(['dang', 'online', 'cccd', 'gplx', 'a1', 'b2', 'ct07', '14', 'passport', 'tnhh'])(
    'leaves %s alone',
    (token) => {
      expect(repairTelexToken(token)).toBe(token)
    },
  )

  it('folds a Telex query to the same form as the accented one', () => {
    const folded = (s: string) => analyzeText(s).map((t) => t.folded)
    expect(folded('dang kys caaps laij')).toEqual(folded('đăng ký cấp lại'))
    expect(folded('ddoir')).toEqual(folded('đổi'))
  })
})

describe('tokenizeVietnamese', () => {
  it('keeps procedure codes whole', () => {
    expect(tokenizeVietnamese('Mã 1.014064, hỏi về 1.001193?')).toEqual([
      'mã',
      '1.014064',
      'hỏi',
      'về',
      '1.001193',
    ])
  })

  it('does not take a code out of a longer number', () => {
    expect(tokenizeVietnamese('12.0000001')).toEqual(['12', '0000001'])
  })

  it('splits on punctuation and keeps form names', () => {
    expect(tokenizeVietnamese('Mẫu CT01/CT07 (cư trú)')).toEqual(['mẫu', 'ct01', 'ct07', 'cư', 'trú'])
  })
})

describe('isVietnameseSyllable', () => {
  it.each(readCaseGroup('fold-vietnamese', 'syllable'))('%s → %s', (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected === 'true')
  })
})

describe('analyzeText', () => {
  it('gives every call tokens of its own, so changing one never changes a later analysis', () => {
    const first = analyzeText('caaps laij cccd')
    expect(first).toEqual([
      { text: 'cấp', folded: 'cap', accented: false },
      { text: 'lại', folded: 'lai', accented: false },
      { text: 'cccd', folded: 'cccd', accented: false },
    ])
    for (const t of first) t.accented = true
    const again = analyzeText('caaps laij cccd')
    expect(again.map((t) => t.accented)).toEqual([false, false, false])
    expect(again[0]).not.toBe(first[0])
    expect(analyzeText('Cấp lại')).toEqual([
      { text: 'cấp', folded: 'cap', accented: true },
      { text: 'lại', folded: 'lai', accented: true },
    ])
  })
})

describe('a word typed with two tone marks', () => {
  it('folds as the word and matches as if typed without marks', () => {
    expect(analyzeText('hộ chíếu')).toEqual([
      { text: 'hộ', folded: 'ho', accented: true },
      { text: 'chíếu', folded: 'chieu', accented: false },
    ])
  })
})

describe('analyzeMessage', () => {
  const words = (text: string) => analyzeMessage(text).map((t) => t.text)

  it('cuts two syllables typed with their marks but without a space where only one cut makes two', () => {
    expect(words('làm căncước cho con')).toEqual(['làm', 'căn', 'cước', 'cho', 'con'])
    expect(words('xin giấyphép')).toEqual(['xin', 'giấy', 'phép'])
    // "hộ chiếu" or "hộc hiếu": the cut leaving "ch" to begin the second syllable
    expect(words('làm hộchiếu')).toEqual(['làm', 'hộ', 'chiếu'])
  })

  it('leaves whole a syllable, a word without marks, a foreign word and a number', () => {
    expect(words('thường trú')).toEqual(['thường', 'trú'])
    // without marks the cut is a guess
    expect(words('khaisinh hochieu')).toEqual(['khaisinh', 'hochieu'])
    expect(words('vneid etax 2026')).toEqual(['vneid', 'etax', '2026'])
  })

  it('keeps the clause break on the first of the two syllables', () => {
    const tokens = analyzeMessage('con 15 tuổi, căncước làm ở đâu')
    expect(tokens.map((t) => `${t.clause ? '|' : ''}${t.text}`)).toEqual([
      'con',
      '15',
      'tuổi',
      '|căn',
      'cước',
      'làm',
      'ở',
      'đâu',
    ])
  })
})

describe('analyzeText: letters stretched at the end of a word', () => {
  const texts = (text: string) => analyzeText(text).map((t) => t.text)

  it('drops the stretched letter until a syllable is left, keeping the marks typed', () => {
    expect(texts('KHÔNGGGG ạaa vậyyy đượcccc GẤPPP')).toEqual(['không', 'ạ', 'vậy', 'được', 'gấp'])
    expect(analyzeText('vậyyy')[0]?.accented).toBe(true)
    expect(texts('khongggg')).toEqual(['khong'])
  })

  it('keeps English words, Roman numerals and syllables as typed', () => {
    expect(texts('app pass call coffee cấp III xoong')).toEqual([
      'app',
      'pass',
      'call',
      'coffee',
      'cấp',
      'iii',
      'xoong',
    ])
  })
})
