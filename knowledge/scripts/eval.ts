/**
 * Measures search and answer quality on a question set (TSV: kind, facet, codes, question):
 * imports the procedures file into a temporary libSQL database, builds the knowledge base
 * and prints top-1/top-3, answer, facet, out-of-scope and small-talk accuracy with the misses.
 *
 *   npm run eval -- tests/fixtures/eval/dev.tsv [--procedures knowledge/data/procedures/dichvucong-2026-07.jsonl.gz]
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { detectFacet } from '../answer/detect-facet.ts'
import { createDb } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'
import { createKnowledgeBase } from '../knowledge-base.ts'
import { importProcedures } from '../procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from '../procedures/read-export.ts'
import { loadSynonyms } from '../search/load-synonyms.ts'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

type Line = { kind: string; facet: string; codes: string[]; question: string; lineNo: number }

const readQuestions = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((raw, i) => ({ raw, lineNo: i + 1 }))
    .filter(({ raw }) => raw.trim() && !raw.startsWith('#'))
    .map(({ raw, lineNo }) => {
      const [kind = '', facet = '', codes = '', question = ''] = raw.split('\t')
      return { kind, facet, codes: codes.split(',').filter(Boolean), question, lineNo }
    })

const ratio = (label: string, ok: number, total: number) =>
  `${label.padEnd(14)} ${total ? (ok / total).toFixed(3) : '  -  '} (${ok}/${total})`

const main = async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { procedures: { type: 'string' }, synonyms: { type: 'string' } },
  })
  const questionsFile = resolve(positionals[0] ?? resolve(repoRoot, 'tests/fixtures/eval/dev.tsv'))
  const proceduresFile = resolve(values.procedures ?? NATIONAL_EXPORT_FILE)
  const lines = readQuestions(questionsFile)

  const dir = mkdtempSync(join(tmpdir(), 'trolyso-eval-'))
  try {
    const db = await createDb({ url: `file:${join(dir, 'eval.db')}` })
    await migrateDb(db)
    let t = performance.now()
    const summary = await importProcedures({
      db,
      filePath: proceduresFile,
      asOf: values.procedures ? undefined : NATIONAL_EXPORT_AS_OF,
    })
    console.log(`imported ${summary.read} procedures in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    t = performance.now()
    const kb = await createKnowledgeBase({ db, synonymsFile: values.synonyms ?? null })
    console.log(`index of ${kb.size()} procedures built in ${(performance.now() - t).toFixed(0)} ms`)
    const synonyms = loadSynonyms({ extraFile: values.synonyms ?? null })

    const count = { top1: 0, top3: 0, answer: 0, facet: 0, facetSpecific: 0, oos: 0, small: 0 }
    const totals = { answer: 0, facetSpecific: 0, oos: 0, small: 0 }
    const misses: string[] = []
    for (const line of lines) {
      const result = await kb.answer(line.question, {})
      if (line.kind === 'answer') {
        totals.answer++
        const found = kb.search(line.question, { limit: 3 }).map((r) => r.code)
        const rank = found.findIndex((c) => line.codes.includes(c))
        if (rank === 0) count.top1++
        if (rank >= 0) count.top3++
        const offered = [result.procedure?.code, ...(result.candidates ?? []).map((c) => c.code)]
        const right =
          (result.kind === 'answer' && line.codes.includes(result.procedure?.code ?? '')) ||
          (result.kind === 'clarify' && offered.some((c) => c && line.codes.includes(c)))
        if (right) count.answer++
        const expected = line.facet || 'overview'
        const facet = result.facet ?? detectFacet({ text: line.question, synonyms })
        if (facet === expected) count.facet++
        if (line.facet) {
          totals.facetSpecific++
          if (facet === expected) count.facetSpecific++
        }
        if (rank !== 0)
          misses.push(
            `search  L${line.lineNo} "${line.question}" want ${line.codes[0]} got ${found.join(', ') || '—'}`,
          )
        if (!right) {
          const got =
            result.kind === 'answer'
              ? result.procedure?.code
              : (result.candidates ?? []).map((c) => c.code).join('|')
          misses.push(
            `answer  L${line.lineNo} "${line.question}" want ${line.codes[0]} got ${result.kind} ${got ?? ''}`,
          )
        }
        if (facet !== expected)
          misses.push(`facet   L${line.lineNo} "${line.question}" want ${expected} got ${facet}`)
      } else if (line.kind === 'not_found') {
        totals.oos++
        if (result.kind === 'not_found') count.oos++
        else
          misses.push(
            `scope   L${line.lineNo} "${line.question}" want not_found got ${result.kind} ${result.procedure?.code ?? ''}`,
          )
      } else if (line.kind === 'smalltalk') {
        totals.small++
        if (result.kind === 'smalltalk') count.small++
        else misses.push(`small   L${line.lineNo} "${line.question}" want smalltalk got ${result.kind}`)
      }
    }
    kb.close()
    db.$client.close()
    console.log(`\n${questionsFile} (${lines.length} questions)`)
    console.log(ratio('top1', count.top1, totals.answer))
    console.log(ratio('top3', count.top3, totals.answer))
    console.log(ratio('answer', count.answer, totals.answer))
    console.log(ratio('facet', count.facet, totals.answer))
    console.log(ratio('facet (named)', count.facetSpecific, totals.facetSpecific))
    console.log(ratio('out-of-scope', count.oos, totals.oos))
    console.log(ratio('smalltalk', count.small, totals.small))
    console.log(misses.length ? `\nmisses:\n${misses.join('\n')}` : '\nmisses: none')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
