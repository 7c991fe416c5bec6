/**
 * Tables of a part of a question that a reader finds: the cases of a group of
 * `tests/fixtures/cases/question-parts.tsv` (a question and the part read from it) and of the
 * same group of `nothing-found.tsv` (a question in which there is none), each a named test
 * through `it.each`.
 * @module
 */
import { expect, it } from 'vitest'
import { readCaseGroup } from './read-cases.ts'

/**
 * One test per case of `group`: `read` gives the part of question-parts.tsv for its question, and
 * null for each question of nothing-found.tsv. `part` names what is read (without an article), in
 * the tests' titles.
 */
export const itReadsQuestionPart = (
  group: string,
  part: string,
  read: (question: string) => string | null,
): void => {
  it.each(readCaseGroup('question-parts', group))(`reads in "%s" the ${part}: %s`, (question, found) => {
    expect(read(question)).toBe(found)
  })
  it.each(readCaseGroup('nothing-found', group))(`reads in "%s" no ${part}`, (question) => {
    expect(read(question)).toBeNull()
  })
}
