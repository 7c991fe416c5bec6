/**
 * The check run when vocabulary changes: the development question sets go through the
 * answering core before and after the change, and every question whose reply changed is
 * listed, so staff see at once whether a new phrase or word breaks other questions.
 * @module
 */
import { readFileSync } from 'node:fs'
import type { Answer } from '../answer/answer.types.ts'

/** The development sets the eval guides the work with (`npm run eval`). */
export const DEV_QUESTION_FILES = [
  new URL('../../tests/fixtures/eval/dev.tsv', import.meta.url),
  new URL('../../tests/fixtures/eval/dev-intents.tsv', import.meta.url),
]

let cached: string[] | null = null

/** @returns the questions of the development sets (column 4 of each TSV line; comments skipped) */
export const readDevQuestions = (files: (string | URL)[] = DEV_QUESTION_FILES): string[] => {
  if (files === DEV_QUESTION_FILES && cached) return cached
  const questions: string[] = []
  for (const file of files) {
    let text = ''
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      continue // a deployment without the test fixtures checks only the question itself
    }
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue
      const question = line.split('\t')[3]?.trim()
      if (question) questions.push(question)
    }
  }
  if (files === DEV_QUESTION_FILES) cached = questions
  return questions
}

export type ReplySummary = { kind: Answer['kind']; code: string | null; candidates: string[]; text: string }

export type ChangedReply = { question: string; before: ReplySummary; after: ReplySummary }

export type VocabularyCheck = {
  /** How many questions were asked of both. */
  asked: number
  /** The questions whose reply changed (kind, procedure, candidates or text). */
  changed: ChangedReply[]
  /** The taught question itself, before and after (learnt phrases only). */
  taught?: ChangedReply
}

const summarise = (a: Answer): ReplySummary => ({
  kind: a.kind,
  code: a.procedure?.code ?? null,
  candidates: (a.candidates ?? []).map((c) => c.code),
  text: a.text,
})

const same = (a: ReplySummary, b: ReplySummary) =>
  a.kind === b.kind && a.code === b.code && a.text === b.text && a.candidates.join() === b.candidates.join()

export type CheckVocabularyChangeOptions = {
  before: (question: string) => Promise<Answer>
  after: (question: string) => Promise<Answer>
  questions?: string[]
  /** A learnt phrase's question, reported on its own. */
  taught?: string
}

export const checkVocabularyChange = async ({
  before,
  after,
  questions = readDevQuestions(),
  taught,
}: CheckVocabularyChangeOptions): Promise<VocabularyCheck> => {
  const changed: ChangedReply[] = []
  for (const question of questions) {
    const a = summarise(await before(question))
    const b = summarise(await after(question))
    if (!same(a, b)) changed.push({ question, before: a, after: b })
  }
  const check: VocabularyCheck = { asked: questions.length, changed }
  if (taught)
    check.taught = {
      question: taught,
      before: summarise(await before(taught)),
      after: summarise(await after(taught)),
    }
  return check
}
