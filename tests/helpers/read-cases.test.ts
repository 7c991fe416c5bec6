import { describe, expect, it } from 'vitest'
import { readCaseGroup, readCases, readQuestions } from './read-cases.ts'

describe('case tables', () => {
  it('reads every case with its cells, skipping notes and blank lines, cells kept as written', () => {
    const cases = readCases('count-phrase')
    expect(cases.every(([group]) => group === 'phrase' || group === 'listed')).toBe(true)
    // an empty cell stays a case ("" holds no phrase)
    expect(cases).toContainEqual(['phrase', '', 'xóa', '0'])
  })

  it('gives one group without its group cell, and refuses a group with no case', () => {
    expect(readCaseGroup('count-phrase', 'phrase')[0]).toEqual(['cấp lại thẻ cấp lại', 'cấp lại', '2'])
    expect(() => readCaseGroup('count-phrase', 'phrases')).toThrow('No case of group "phrases"')
  })

  it('gives the questions of a group of questions.tsv as plain texts, one a case', () => {
    const questions = readQuestions('absent-status')
    expect(questions).toEqual(readCaseGroup('questions', 'absent-status').map(([question]) => question))
    expect(questions.every((question) => typeof question === 'string' && question.length > 0)).toBe(true)
    expect(() => readQuestions('absent-statuses')).toThrow('No case of group "absent-statuses"')
  })
})
