/**
 * Measures search and answer quality on question sets (TSV: kind, facet, codes, question):
 * imports the procedures file into a temporary libSQL database, builds the knowledge base,
 * asks every question in process (no HTTP, no rate limit) and prints, first, the
 * wrong-confident rate (questions answered `answer` with a procedure that is not acceptable,
 * over all questions), then the absent-not-answered rate, top-1/top-3, answer, facet,
 * out-of-scope, small-talk, contact and status accuracy, and every miss.
 *
 * Kinds: `answer` (codes: any is right), `not_found` (outside public procedures), `smalltalk`,
 * `absent` (a public-service question whose procedure is not in the records: anything but
 * `answer` is right), `contact` (asks for a person: no `answer`, the reply gives the hotline),
 * `status` (asks how an application is progressing: no `answer`, the reply says where to look it up).
 *
 *   npm run eval -- tests/fixtures/eval/dev.tsv tests/fixtures/eval/dev-intents.tsv \
 *     [--procedures knowledge/data/procedures/dichvucong-2026-07.jsonl.gz] [--synonyms extra.json]
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Answer } from '../answer/answer.types.ts'
import { detectFacet } from '../answer/detect-facet.ts'
import { createDb } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'
import { createKnowledgeBase } from '../knowledge-base.ts'
import { importProcedures } from '../procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from '../procedures/read-export.ts'
import { loadSynonyms } from '../search/load-synonyms.ts'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const defaultQuestions = ['tests/fixtures/eval/dev.tsv', 'tests/fixtures/eval/dev-intents.tsv'].map((f) =>
  resolve(repoRoot, f),
)
const KINDS = ['answer', 'not_found', 'smalltalk', 'absent', 'contact', 'status'] as const
type Kind = (typeof KINDS)[number]

type Line = { kind: Kind; facet: string; codes: string[]; question: string; where: string }

/** A code as the portal writes it: "1.013831", "2.000592" (several in one line are separated by commas or semicolons). */
const PROCEDURE_CODE = /^\d+\.\d+$/

const readQuestions = (path: string): Line[] => {
  const name = relative(process.cwd(), path) || path
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((raw, i) => ({ raw, lineNo: i + 1 }))
    .filter(({ raw }) => raw.trim() && !raw.startsWith('#'))
    .map(({ raw, lineNo }) => {
      const [kind = '', facet = '', codes = '', question = ''] = raw.split('\t')
      if (!(KINDS as readonly string[]).includes(kind))
        throw new Error(`${name}:${lineNo}: unknown kind "${kind}" (one of ${KINDS.join(', ')})`)
      const listed = codes.split(/[,;]/).filter(Boolean)
      const malformed = listed.find((code) => !PROCEDURE_CODE.test(code))
      if (malformed !== undefined)
        throw new Error(
          `${name}:${lineNo}: "${malformed}" is not a procedure code such as 1.013831 (separate several codes with commas)`,
        )
      return {
        kind: kind as Kind,
        facet,
        codes: listed,
        question,
        where: `${name}:${lineNo}`,
      }
    })
}

const ratio = (label: string, ok: number, total: number) =>
  `${label.padEnd(22)} ${total ? (ok / total).toFixed(3) : '  -  '} (${ok}/${total})`

/** The hotline in any spacing ("1800 1096", "18001096"). */
const givesHotline = (text: string) => text.replace(/[\s.]/g, '').includes('18001096')
const givesLookup = (text: string) => /tra cứu/i.test(text)

const describe = (result: Answer) =>
  result.kind === 'answer'
    ? `answer ${result.procedure?.code ?? ''}`
    : `${result.kind} ${(result.candidates ?? []).map((c) => c.code).join('|')}`.trim()

const main = async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { procedures: { type: 'string' }, synonyms: { type: 'string' } },
  })
  const questionFiles = positionals.length ? positionals.map((p) => resolve(p)) : defaultQuestions
  const proceduresFile = resolve(values.procedures ?? NATIONAL_EXPORT_FILE)
  const lines = questionFiles.flatMap(readQuestions)

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
    // a code the export does not hold could never be found: say so instead of counting a miss
    const unknown: string[] = []
    for (const line of lines)
      for (const code of line.codes)
        if (!(await kb.getProcedure(code))) unknown.push(`${line.where}: ${code}`)
    if (unknown.length) throw new Error(`codes not in ${proceduresFile}:\n${unknown.join('\n')}`)

    const count = {
      wrongConfident: 0,
      top1: 0,
      top3: 0,
      answer: 0,
      sure: 0,
      facet: 0,
      facetSpecific: 0,
      oos: 0,
      small: 0,
      absent: 0,
      contact: 0,
      status: 0,
    }
    const totals = { answer: 0, facetSpecific: 0, oos: 0, small: 0, absent: 0, contact: 0, status: 0 }
    const misses: string[] = []
    const wrongConfident: string[] = []
    for (const line of lines) {
      const result = await kb.answer(line.question, {})
      const q = `${line.where} "${line.question}"`
      const answered = result.kind === 'answer'
      if (answered && !(line.kind === 'answer' && line.codes.includes(result.procedure?.code ?? ''))) {
        count.wrongConfident++
        wrongConfident.push(`wrong   ${q} want ${line.kind} ${line.codes[0] ?? ''} got ${describe(result)}`)
      }
      if (line.kind === 'answer') {
        totals.answer++
        const found = kb.search(line.question, { limit: 3 }).map((r) => r.code)
        const rank = found.findIndex((c) => line.codes.includes(c))
        if (rank === 0) count.top1++
        if (rank >= 0) count.top3++
        const offered = [result.procedure?.code, ...(result.candidates ?? []).map((c) => c.code)]
        const right =
          (answered && line.codes.includes(result.procedure?.code ?? '')) ||
          (result.kind === 'clarify' && offered.some((c) => c && line.codes.includes(c)))
        if (right) count.answer++
        if (answered && right) count.sure++
        const expected = line.facet || 'overview'
        const facet = result.facet ?? detectFacet({ text: line.question, synonyms })
        if (facet === expected) count.facet++
        if (line.facet) {
          totals.facetSpecific++
          if (facet === expected) count.facetSpecific++
        }
        if (rank !== 0) misses.push(`search  ${q} want ${line.codes[0]} got ${found.join(', ') || '—'}`)
        if (!right) misses.push(`answer  ${q} want ${line.codes[0]} got ${describe(result)}`)
        if (facet !== expected) misses.push(`facet   ${q} want ${expected} got ${facet}`)
      } else if (line.kind === 'not_found') {
        totals.oos++
        if (result.kind === 'not_found') count.oos++
        else misses.push(`scope   ${q} want not_found got ${describe(result)}`)
      } else if (line.kind === 'smalltalk') {
        totals.small++
        if (result.kind === 'smalltalk') count.small++
        else misses.push(`small   ${q} want smalltalk got ${describe(result)}`)
      } else if (line.kind === 'absent') {
        totals.absent++
        if (!answered) count.absent++
        else misses.push(`absent  ${q} want no answer got ${describe(result)}`)
      } else if (line.kind === 'contact') {
        totals.contact++
        if (!answered && givesHotline(result.text)) count.contact++
        else misses.push(`contact ${q} want the hotline got ${describe(result)}`)
      } else {
        totals.status++
        if (!answered && givesLookup(result.text)) count.status++
        else misses.push(`status  ${q} want where to look it up got ${describe(result)}`)
      }
    }
    kb.close()
    db.$client.close()
    console.log(
      `\n${questionFiles.map((f) => relative(process.cwd(), f) || f).join(' + ')} (${lines.length} questions)`,
    )
    console.log(ratio('wrong-confident', count.wrongConfident, lines.length))
    console.log(ratio('absent not answered', count.absent, totals.absent))
    console.log(ratio('top1', count.top1, totals.answer))
    console.log(ratio('top3', count.top3, totals.answer))
    console.log(ratio('answer or clarify', count.answer, totals.answer))
    // Of those, answered outright (a question back costs the citizen a turn: asking more is no gain here).
    console.log(ratio('answered outright', count.sure, totals.answer))
    console.log(ratio('facet', count.facet, totals.answer))
    console.log(ratio('facet (named)', count.facetSpecific, totals.facetSpecific))
    console.log(ratio('out-of-scope', count.oos, totals.oos))
    console.log(ratio('smalltalk', count.small, totals.small))
    console.log(ratio('contact', count.contact, totals.contact))
    console.log(ratio('status', count.status, totals.status))
    console.log(
      wrongConfident.length ? `\nwrong-confident:\n${wrongConfident.join('\n')}` : '\nwrong-confident: none',
    )
    console.log(misses.length ? `\nmisses:\n${misses.join('\n')}` : '\nmisses: none')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
