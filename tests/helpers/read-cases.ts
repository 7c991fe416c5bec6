/**
 * Tables of test cases kept as data (`tests/fixtures/cases/NAME.tsv`), so that cases of one kind
 * (a question and the procedure ranked first, a question and its facet, a text and its folded
 * form …) are read in one place and each stays a named test through `it.each`.
 *
 * A line is one case, its cells separated by tabs. A line starting with `#` is a note on the
 * cases below it, and blank lines are skipped. When a table serves several tests, its first
 * cell names the group a case belongs to.
 * @module
 */

import { readFileSync } from 'node:fs'
import { fixturesDir } from './paths.ts'

/** Every case of the table `name`, as its cells in order. */
export const readCases = (name: string): string[][] =>
  readFileSync(`${fixturesDir}cases/${name}.tsv`, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'))

/**
 * The cases of one group of the table `name`, without the group cell.
 * @throws Error when the group has no case (a misspelt group would otherwise test nothing)
 */
export const readCaseGroup = (name: string, group: string): string[][] => {
  const cases = readCases(name)
    .filter(([first]) => first === group)
    .map(([, ...cells]) => cells)
  if (cases.length === 0) throw new Error(`No case of group "${group}" in tests/fixtures/cases/${name}.tsv`)
  return cases
}

/**
 * The questions of one group of `questions.tsv`, whose cases are a question each.
 * @throws Error when a case of the group holds more or less than one question
 */
export const readQuestions = (group: string): string[] =>
  readCaseGroup('questions', group).map(([question, ...more]) => {
    if (question === undefined || more.length > 0)
      throw new Error(`A case of group "${group}" in tests/fixtures/cases/questions.tsv is not one question`)
    return question
  })
