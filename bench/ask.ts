/**
 * Answer benchmark: the time `POST /v1/ask` spends in the answering core (classify, search,
 * fit check, compose) for every question of the evaluation sets, over the full portal export,
 * in process. Prints p50/p95/p99 and the mean over several rounds.
 *
 *   npm run bench:ask [-- --rounds 20]
 * @module
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDb } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import { importProcedures } from '../knowledge/procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from '../knowledge/procedures/read-export.ts'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const evalDir = resolve(repoRoot, 'tests/fixtures/eval')

const { values } = parseArgs({ options: { rounds: { type: 'string' } } })
const rounds = Number(values.rounds ?? 20)
const questions = readdirSync(evalDir)
  .filter((f) => f.endsWith('.tsv'))
  .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split(/\r?\n/))
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t')[3] ?? '')
  .filter(Boolean)

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-ask-'))
try {
  const db = await createDb({ url: `file:${join(dir, 'bench.db')}` })
  await migrateDb(db)
  await importProcedures({
    db,
    filePath: NATIONAL_EXPORT_FILE,
    asOf: NATIONAL_EXPORT_AS_OF,
  })
  // Caches off: this measures the answering core, not a cache hit.
  const kb = await createKnowledgeBase({ db, cacheEntries: 0 })
  for (const q of questions) await kb.answer(q, {})
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now()
      await kb.answer(q, {})
      times.push(performance.now() - t)
    }
  }
  kb.close()
  db.$client.close()
  times.sort((a, b) => a - b)
  const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(2)
  const mean = (times.reduce((s, t) => s + t, 0) / times.length).toFixed(2)
  console.log(
    `answer, ${questions.length} questions × ${rounds} rounds over ${kb.size()} procedures: ` +
      `mean ${mean} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
