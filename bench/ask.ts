/**
 * Answer benchmark: the time `POST /v1/ask` spends in the answering core (classify, search,
 * fit check, compose) for every question of the evaluation sets, over the full portal export,
 * in process. Prints p50/p95/p99 and the mean over several rounds, for the search alone
 * (`kb.search`, what `GET /v1/procedures` runs) and for the whole answer.
 *
 *   npm run bench:ask [-- --rounds 20] [--no-cache]
 *
 * With `--no-cache` the knowledge base keeps no caches (`cacheEntries: 0`), so every call is
 * computed, as for a question never seen before; without it, the default caches are kept (the
 * evaluation sets hold more distinct questions than the default 1,000 entries, so a cycling run
 * still misses often; the first round fills them).
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createDb } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import { importProcedures } from '../knowledge/procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from '../knowledge/procedures/read-export.ts'
import { readEvalQuestions } from '../tests/helpers/paths.ts'

const { values } = parseArgs({
  options: { rounds: { type: 'string' }, 'no-cache': { type: 'boolean' } },
})
const rounds = Number(values.rounds ?? 20)
const noCache = values['no-cache'] === true
const questions = readEvalQuestions()

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-ask-'))
try {
  const db = await createDb({ url: `file:${join(dir, 'bench.db')}` })
  await migrateDb(db)
  await importProcedures({
    db,
    filePath: NATIONAL_EXPORT_FILE,
    asOf: NATIONAL_EXPORT_AS_OF,
  })
  // `--no-cache`: every call computed, as for a question never seen before.
  const kb = await createKnowledgeBase({ db, ...(noCache ? { cacheEntries: 0 } : {}) })
  for (const q of questions) {
    kb.search(q)
    await kb.answer(q, {})
  }
  const searchTimes: number[] = []
  const answerTimes: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now()
      kb.search(q)
      searchTimes.push(performance.now() - t)
    }
    for (const q of questions) {
      const t = performance.now()
      await kb.answer(q, {})
      answerTimes.push(performance.now() - t)
    }
  }
  const size = kb.size()
  kb.close()
  db.$client.close()
  const line = (label: string, times: number[]) => {
    times.sort((a, b) => a - b)
    const at = (p: number) =>
      (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(3)
    const mean = (times.reduce((s, t) => s + t, 0) / times.length).toFixed(3)
    return `${label}, ${questions.length} questions × ${rounds} rounds over ${size} procedures${noCache ? ', no cache' : ''}: mean ${mean} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`
  }
  console.log(line('search', searchTimes))
  console.log(line('answer', answerTimes))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
