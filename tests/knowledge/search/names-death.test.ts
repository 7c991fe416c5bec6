import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { namesDeath, opensWithDeath } from '../../../knowledge/search/names-death.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { searchedWords } from '../../helpers/analyse-message.ts'
import { readVerdicts } from '../../helpers/read-cases.ts'

const deathIn = (question: string): boolean => {
  const tokens = analyzeText(question)
  return tokens.some((_, k) => namesDeath(tokens, k))
}

describe('namesDeath', () => {
  it.each(readVerdicts('names-death'))('reads in "%s" a death: %s', (question, death) => {
    expect(deathIn(question)).toBe(death)
  })
})

describe('a death in the fit check and the search', () => {
  const actions = createProcedureActions()

  it('names no re-issue for a relative who died, and keeps it for a relative who lost a paper', () => {
    expect([...actions.ofQuestion(analyzeText('mẹ em mất, làm giấy chứng tử ở đâu')).actions]).not.toContain(
      'reissue',
    )
    expect([...actions.ofQuestion(analyzeText('bố tôi đang hưởng lương hưu thì mất')).actions]).not.toContain(
      'reissue',
    )
    expect([...actions.ofQuestion(analyzeText('mẹ em mất căn cước, làm lại ở đâu')).actions]).toContain(
      'reissue',
    )
  })

  it('expands a death as "chết" is expanded, never as a lost paper', () => {
    const death = searchedWords('mẹ em mất, nhận tiền tuất bhxh cần gì')
    expect(death).toContain('tuat')
    expect(death).not.toContain('lai')
    expect(searchedWords('mẹ em mất căn cước')).toContain('lai')
  })
})

describe('a follow-up that opens with the death, its person unsaid', () => {
  it('is "mất" with a time or a story after it, not a paper lost nor a cost or duration asked', () => {
    for (const text of ['mất lâu rồi không có giấy báo tử', 'mat tu nam 2010 gio moi di khai tu'])
      expect(opensWithDeath(analyzeText(text)), text).toBe(true)
    for (const text of [
      'mất giấy chứng tử rồi',
      'mất bao lâu',
      'mất phí không',
      'mất ví lẫn căn cước',
      'xin mất lâu không',
    ])
      expect(opensWithDeath(analyzeText(text)), text).toBe(false)
  })
})
