import { describe, expect, it } from 'vitest'
import { readCaseGroup, readCases, readQuestions, readVerdicts, toVerdict } from './read-cases.ts'

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

  it('gives the verdicts of a group of verdicts.tsv as a text and a boolean, and refuses any other verdict', () => {
    const verdicts = readVerdicts('asks-for-tips')
    expect(verdicts.map(([text, holds]) => [text, holds ? 'yes' : 'no'])).toEqual(
      readCaseGroup('verdicts', 'asks-for-tips'),
    )
    expect(verdicts.some(([, holds]) => holds) && verdicts.some(([, holds]) => !holds)).toBe(true)
    expect(toVerdict(['mẹo', 'no'], 'g')).toEqual(['mẹo', false])
    for (const cells of [['mẹo', 'true'], ['mẹo', 'Yes'], ['mẹo', 'yes '], ['mẹo'], ['mẹo', 'yes', 'no'], []])
      expect(() => toVerdict(cells, 'g'), JSON.stringify(cells)).toThrow('not a text and yes or no')
    expect(() => readVerdicts('asks-for-tip')).toThrow('No case of group "asks-for-tip"')
  })
})
