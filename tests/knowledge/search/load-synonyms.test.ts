import { describe, expect, it } from 'vitest'
import { loadSynonyms, phraseSpan, spanLimit } from '../../../knowledge/search/load-synonyms.ts'

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
