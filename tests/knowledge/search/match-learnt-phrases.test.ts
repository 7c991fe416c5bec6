import { describe, expect, it } from 'vitest'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import {
  compileLearntPhrases,
  learntPhraseKey,
  matchLearntPhrase,
} from '../../../knowledge/search/match-learnt-phrases.ts'

const synonyms = loadSynonyms()

describe('learnt phrases', () => {
  it('matches a question however it is typed: marks, case, punctuation, spacing, one-word filler', () => {
    const phrases = compileLearntPhrases(
      [{ text: 'con tôi vừa chào đời thì cần đi đâu', code: '1.001193' }],
      synonyms,
    )
    for (const question of [
      'con tôi vừa chào đời thì cần đi đâu',
      'CON TOI VUA CHAO DOI THI CAN DI DAU',
      'Cho hỏi:   con tôi vừa chào đời thì cần đi đâu ạ?',
      'con tooi vuwa chaof ddowif thif caanf ddi ddaau',
    ])
      expect(matchLearntPhrase(phrases, question, synonyms), question).toBe('1.001193')
  })

  it('does not match a question that says more or less', () => {
    const phrases = compileLearntPhrases(
      [{ text: 'con tôi vừa chào đời thì cần đi đâu', code: '1.001193' }],
      synonyms,
    )
    expect(matchLearntPhrase(phrases, 'con tôi vừa chào đời', synonyms)).toBeNull()
    expect(
      matchLearntPhrase(phrases, 'con tôi vừa chào đời thì cần đi đâu làm hộ chiếu', synonyms),
    ).toBeNull()
  })

  it('drops one-word filler, lets a later phrase win, and ignores a phrase of filler only', () => {
    expect(learntPhraseKey('Cho hỏi: làm CCCD ở đâu ạ?', synonyms)).toBe('lam cccd dau')
    const phrases = compileLearntPhrases(
      [
        { text: 'giấy tờ cho bé', code: '1.001193' },
        { text: 'Giấy tờ cho bé!', code: '1.004884' },
      ],
      synonyms,
    )
    expect(matchLearntPhrase(phrases, 'giay to cho be', synonyms)).toBe('1.004884')
    expect(compileLearntPhrases([{ text: 'ạ ơi ***', code: '1.001193' }], synonyms).size).toBe(0)
  })
})
