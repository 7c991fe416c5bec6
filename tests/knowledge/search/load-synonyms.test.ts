import { describe, expect, it } from 'vitest'
import {
  loadSynonyms,
  lookupPhrase,
  type PhraseMap,
  phraseSpan,
  spanLimit,
} from '../../../knowledge/search/load-synonyms.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

describe('phraseSpan', () => {
  const synonyms = loadSynonyms()
  const keys = [
    ...synonyms.abbreviations.keys(),
    ...synonyms.expansions.keys(),
    ...synonyms.filler.keys(),
    ...synonyms.cues.keys(),
    ...synonyms.smalltalk,
    ...synonyms.outOfScope.keys(),
  ]

  it('reaches every phrase of the dictionary from its first word, and never past the longest', () => {
    for (const key of keys) {
      const words = key.split(' ')
      // with words to spare after the phrase, the span still covers the whole phrase
      const span = phraseSpan(synonyms, [...words, 'x', 'y', 'z'], 0)
      expect(span, key).toBeGreaterThanOrEqual(words.length)
      expect(span, key).toBeLessThanOrEqual(spanLimit(synonyms, [...words, 'x', 'y', 'z'], 0))
    }
    const longest = Math.max(...keys.map((k) => k.split(' ').length))
    expect(longest).toBe(synonyms.maxPhrase)
  })

  it('is one for a word no multi-word phrase starts with, and stops at the end of the text', () => {
    expect(phraseSpan(synonyms, ['qwzx', 'a', 'b'], 0)).toBe(1)
    const first = [...synonyms.longest.keys()][0] as string
    expect(phraseSpan(synonyms, ['x', first], 1)).toBe(1)
    expect(phraseSpan(synonyms, [], 0)).toBe(0)
  })
})

describe('lookupPhrase', () => {
  const tokens = analyzeText('xin cấp lại hộ chiếu bị mất')
  it('finds a phrase of any length from its first word, with its accents, and nothing longer or unknown', () => {
    const map: PhraseMap<string> = new Map([
      ['ho chieu', { value: 'passport', forms: [['hộ', 'chiếu']] }],
      ['ho chieu bi mat', { value: 'lost passport', forms: [['hộ', 'chiếu', 'bị', 'mất']] }],
    ])
    expect(lookupPhrase(map, tokens, 3, 2)).toBe('passport')
    expect(lookupPhrase(map, tokens, 3, 4)).toBe('lost passport')
    expect(lookupPhrase(map, tokens, 3, 3)).toBeUndefined()
    expect(lookupPhrase(map, tokens, 1, 2)).toBeUndefined()
    // typed with other marks: not this phrase
    expect(lookupPhrase(map, analyzeText('hồ chiếu'), 0, 2)).toBeUndefined()
  })

  it('finds a phrase added to the map after an earlier lookup', () => {
    const map: PhraseMap<string> = new Map([['ho chieu', { value: 'passport', forms: [['', '']] }]])
    expect(lookupPhrase(map, tokens, 1, 2)).toBeUndefined()
    map.set('cap lai', { value: 're-issue', forms: [['', '']] })
    expect(lookupPhrase(map, tokens, 1, 2)).toBe('re-issue')
  })
})

describe('lookupPhrase with a slip of the marks', () => {
  const map: PhraseMap<string> = new Map([
    ['xay dung nha', { value: 'building a house', forms: [['xây', 'dựng', 'nhà']] }],
    ['hai quan', { value: 'customs', forms: [['hải', 'quan']] }],
  ])

  it('reads one word of a three-word phrase typed with other marks as the phrase, its neighbours agreeing', () => {
    expect(lookupPhrase(map, analyzeText('xây dưng nhà'), 0, 3)).toBe('building a house')
    expect(lookupPhrase(map, analyzeText('xay dưng nha'), 0, 3)).toBeUndefined()
    expect(lookupPhrase(map, analyzeText('xâý dưng nhà'), 0, 3)).toBeUndefined()
  })

  it('keeps a two-word phrase and a word the dictionary knows as typed', () => {
    expect(lookupPhrase(map, analyzeText('hải quân'), 0, 2)).toBeUndefined()
    const synonyms = loadSynonyms()
    // "chưa có sổ" is a phrase of the dictionary; "số" is a word it knows, not a slip of "sổ"
    const key = 'chua co so'
    expect(synonyms.expansions.has(key)).toBe(true)
    expect(lookupPhrase(synonyms.expansions, analyzeText('chưa có số'), 0, 3)).toBeUndefined()
    expect(lookupPhrase(synonyms.expansions, analyzeText('chưa có sổ'), 0, 3)).toBeDefined()
  })
})
