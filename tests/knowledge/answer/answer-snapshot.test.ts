/**
 * Guards ranking against changes that were meant to be about speed only (caches, data
 * structures, the request path): every question of the evaluation sets (development and held-out) is answered over the
 * shipped national export, and the reply kind, the chosen procedure, the offered candidates,
 * the facet and the top five search results must equal the stored snapshot.
 *
 * A deliberate ranking change regenerates the snapshot and shows the differences in review:
 *   UPDATE_ANSWER_SNAPSHOT=1 npx vitest run tests/knowledge/answer/answer-snapshot.test.ts
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { fixturesDir, readEvalQuestions } from '../../helpers/paths.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const SNAPSHOT = `${fixturesDir}answers/eval-answers.json`
const SETS = [
  'eval/dev.tsv',
  'eval/dev-intents.tsv',
  'eval/dev-absent.tsv',
  'eval/holdout.tsv',
  'eval/holdout-2.tsv',
  'eval/holdout-intents-2.tsv',
]

type Entry = {
  question: string
  kind: string
  procedure: string | null
  candidates: string[]
  facet: string | null
  search: string[]
}

const questions = readEvalQuestions(SETS.map((set) => `${fixturesDir}${set}`))

describeOnPortal('answers to the evaluation sets', (portal) => {
  it('are the stored ones (kind, procedure, candidates, facet, top five search results)', async () => {
    expect(questions.length).toBeGreaterThan(50)
    const actual: Entry[] = []
    // Twice: a second asking of the same question (served from caches) must not differ either.
    for (const round of [0, 1]) {
      for (const question of questions) {
        const answer = await portal.kb.answer(question, {})
        const entry: Entry = {
          question,
          kind: answer.kind,
          procedure: answer.procedure?.code ?? null,
          candidates: (answer.candidates ?? []).map((c) => c.code),
          facet: answer.facet ?? null,
          search: portal.kb.search(question, { limit: 5 }).map((r) => r.code),
        }
        if (round === 0) actual.push(entry)
        else expect(entry, `asked again: ${question}`).toEqual(actual[questions.indexOf(question)])
      }
    }
    if (process.env['UPDATE_ANSWER_SNAPSHOT'] === '1')
      writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 1)}\n`)
    const stored = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Entry[]
    expect(actual).toEqual(stored)
  })
})
