import { describe, expect, it } from 'vitest'
import { countPhrase, MODIFIERS } from '../../../knowledge/search/build-search-index.ts'
import { countAskedModifiers } from '../../../knowledge/search/count-asked-modifiers.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { readEvalQuestions } from '../../helpers/paths.ts'

/** The counts as phrases counted one by one (`countPhrase`), a modifier after "bị" left out. */
const reference = (marked: string, typed: string) => {
  const passive = (m: (typeof MODIFIERS)[number], withMarks: boolean): number =>
    typed
      ? countPhrase(typed, `bị ${m.accented}`) + (withMarks ? 0 : countPhrase(typed, `bi ${m.folded}`))
      : 0
  const asked = MODIFIERS.map((m) =>
    Math.max(
      0,
      countPhrase(marked, m.accented) +
        (m.folded === m.accented ? 0 : countPhrase(marked, m.folded)) -
        passive(m, false),
    ),
  )
  const surely: number[] = []
  MODIFIERS.forEach((m, k) => {
    const n = m.folded.includes(' ')
      ? (asked[k] ?? 0)
      : Math.max(0, countPhrase(marked, m.accented) - passive(m, true))
    if (n > 0) surely.push(k)
  })
  return { asked, surely }
}

/** The query's words as the search reads them: with marks when typed with them, folded otherwise. */
const wordsOf = (question: string) =>
  analyzeText(question)
    .map((t) => (t.accented ? t.text : t.folded))
    .join(' ')
const at = (word: string) => MODIFIERS.findIndex((m) => m.accented === word)

describe('countAskedModifiers', () => {
  it('counts a modifier typed with or without marks, and only a marked or multi-word one surely', () => {
    expect(countAskedModifiers(wordsOf('cấp lại hộ chiếu'), '').surely).toEqual([at('lại')])
    const unmarked = countAskedModifiers(wordsOf('cap lai ho chieu'), '')
    expect(unmarked.asked[at('lại')]).toBe(1)
    expect(unmarked.surely).toEqual([])
    expect(countAskedModifiers(wordsOf('thu hoi giay phep'), '').surely).toEqual([at('thu hồi')])
  })

  it('leaves out a modifier after "bị"', () => {
    const typed = wordsOf('bằng lái bị thu hồi thì làm sao')
    const counts = countAskedModifiers(wordsOf('bằng lái thu hồi làm sao'), typed)
    expect(counts.asked[at('thu hồi')]).toBe(0)
    expect(counts.surely).toEqual([])
  })

  it('gives what counting each phrase on its own gives, for every evaluation question', () => {
    for (const question of readEvalQuestions()) {
      const marked = wordsOf(question)
      const typed = / bi | bị /u.test(` ${marked} `) ? marked : ''
      expect(countAskedModifiers(marked, typed), question).toEqual(reference(marked, typed))
    }
  })
})
