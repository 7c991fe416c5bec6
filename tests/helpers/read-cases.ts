/**
 * Tables of test cases kept as data (`tests/fixtures/cases/NAME.tsv`), so that cases of one kind
 * (a question and the procedure ranked first, a question and its facet, a text and its folded
 * form …) are read in one place and each stays a named test through `it.each`.
 *
 * A line is one case, its cells separated by tabs. A line starting with `#` is a note on the
 * cases below it, and blank lines are skipped. When a table serves several tests, its first
 * cell names the group a case belongs to. Yes/no checks keep their cases in `verdicts.tsv`, a text
 * and `yes` or `no` a case, grouped by the function under test (read with {@link readVerdicts}).
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

/**
 * One case of `verdicts.tsv` as its text and the boolean its verdict stands for.
 * @throws Error when the case is not a text and a verdict, or the verdict is neither `yes` nor `no`
 *   (a misspelt verdict would otherwise test nothing, or test the opposite)
 */
export const toVerdict = (cells: readonly string[], group: string): [string, boolean] => {
  const [text, verdict, ...more] = cells
  if (text === undefined || more.length > 0 || (verdict !== 'yes' && verdict !== 'no'))
    throw new Error(
      `A case of group "${group}" in tests/fixtures/cases/verdicts.tsv is not a text and yes or no: ${JSON.stringify(cells)}`,
    )
  return [text, verdict === 'yes']
}

/**
 * The cases of one group of `verdicts.tsv` (named after the function under test), each a text and
 * whether the check holds for it.
 * @throws Error when the group has no case, or one of its cases is not a text and `yes` or `no`
 */
export const readVerdicts = (group: string): [string, boolean][] =>
  readCaseGroup('verdicts', group).map((cells) => toVerdict(cells, group))
