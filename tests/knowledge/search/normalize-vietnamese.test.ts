import { describe, expect, it } from 'vitest'
import {
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
  it.each([
    ['NFD input becomes NFC', 'Đăng ký'.normalize('NFD'), 'đăng ký'],
    ['old and new tone placement agree (hoà)', 'Hòa Bình', 'hoà bình'],
    ['old and new tone placement agree (thuỷ)', 'thủy lợi', 'thuỷ lợi'],
    ['khoẻ/khỏe', 'khỏe', 'khoẻ'],
    ['tone after a final stays on the last vowel', 'hoàn thành', 'hoàn thành'],
    ['tone goes to the marked vowel in ươ', 'người', 'người'],
    ['qu- and gi- onsets do not take the tone', 'QUÝ giá', 'quý giá'],
    ['uppercase Đ is lowered', 'ĐỔI GPLX', 'đổi gplx'],
  ])('%s', (_label, input, expected) => {
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
  it.each([
    ['người', true],
    ['nghiêng', true],
    ['khuya', true],
    ['qwerty', false],
    ['asdf', false],
    ['cccd', false],
  ])('%s → %s', (word, expected) => {
    expect(isVietnameseSyllable(word)).toBe(expected)
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
