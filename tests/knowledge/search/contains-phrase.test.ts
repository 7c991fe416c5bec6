import { describe, expect, it } from 'vitest'
import { containsPhrase } from '../../../knowledge/search/contains-phrase.ts'

/** The definition: the phrase padded with spaces, in the text padded with spaces. */
const padded = (text: string, phrase: string): boolean => ` ${text} `.includes(` ${phrase} `)

describe('containsPhrase', () => {
  it('finds a phrase only as whole words', () => {
    expect(containsPhrase('xin cap lai the', 'cap lai')).toBe(true)
    expect(containsPhrase('cap laii', 'cap lai')).toBe(false)
    expect(containsPhrase('xcap lai', 'cap lai')).toBe(false)
    expect(containsPhrase('cap lai', 'cap lai')).toBe(true)
    // a later occurrence counts when the first is inside a word
    expect(containsPhrase('lai laii lai', 'lai lai')).toBe(false)
    expect(containsPhrase('laii lai lai', 'lai lai')).toBe(true)
  })

  it('answers as the padded search does for every text and phrase over a small alphabet', () => {
    const alphabet = ['a', 'b', ' ']
    const all: string[] = ['']
    for (let length = 1; length <= 5; length++)
      for (const s of all.filter((x) => x.length === length - 1)) for (const c of alphabet) all.push(s + c)
    const phrases = all.filter((s) => s.length <= 3)
    for (const text of all)
      for (const phrase of phrases)
        expect([text, phrase, containsPhrase(text, phrase)]).toEqual([text, phrase, padded(text, phrase)])
  })
})
