/**
 * Search benchmark: index build time, memory and query latency of trolyso's MiniSearch
 * index over the 2,642 real procedures and a synthetic 100,000-procedure knowledge base
 * (local variants "… tại <tỉnh/xã>" from the 2026 administrative units), next to SQLite
 * FTS5 (libSQL in memory, folded shadow column, unicode61 remove_diacritics 2, BM25) on
 * the same data in the same run.
 *
 *   npm run bench:search
 * @module
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { buildSearchIndex, type IndexableProcedure } from '../knowledge/search/build-search-index.ts'
import { loadSynonyms } from '../knowledge/search/load-synonyms.ts'
import { foldVietnamese } from '../knowledge/search/normalize-vietnamese.ts'
import { searchProcedures } from '../knowledge/search/search-procedures.ts'

const repoRoot = fileURLToPath(new URL('../', import.meta.url))
const shared = resolve(repoRoot, '../shared')
const SYNTHETIC_SIZE = 100_000
const TARGETS = {
  2642: { p99: 2 },
  [SYNTHETIC_SIZE]: { p99: 15, buildMs: 10_000, rssMb: 500 },
} as Record<number, { p99: number; buildMs?: number; rssMb?: number }>

type PortalLine = {
  ma_thu_tuc: string
  ten_thu_tuc: string
  cap_thuc_hien: string
  linh_vuc: string
  doi_tuong_thuc_hien: string
}
type Unit = { Name: string; FullName: string; Wards: { FullName: string }[] }

const readProcedures = (): IndexableProcedure[] =>
  readFileSync(resolve(shared, 'data/procedures/dichvucong-2026-07.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PortalLine)
    .map((r) => ({
      code: r.ma_thu_tuc,
      name: r.ten_thu_tuc,
      levels: r.cap_thuc_hien.split(',').map((s) => s.trim()),
      field: r.linh_vuc,
      audience: r.doi_tuong_thuc_hien.split(',').map((s) => s.trim()),
    }))

/** Real procedures plus local copies per province, then per commune, up to `size`. */
const synthesize = (real: IndexableProcedure[], units: Unit[], size: number): IndexableProcedure[] => {
  const places = [
    ...units.map((u) => u.FullName),
    ...units.flatMap((u) => u.Wards.map((w) => `${w.FullName}, ${u.Name}`)),
  ]
  const out = [...real]
  for (let i = 0; out.length < size; i++) {
    const base = real[i % real.length] as IndexableProcedure
    const place = places[Math.floor(i / real.length)] ?? `địa phương ${i}`
    out.push({ ...base, code: `${base.code}-${i}`, name: `${base.name} tại ${place}` })
  }
  return out
}

/** Dev questions, their unaccented forms, and local variants ("… ở Đà Nẵng"). */
const buildQueries = (units: Unit[]): string[] => {
  const questions = readFileSync(resolve(shared, 'eval/dev.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('answer'))
    .map((l) => l.split('\t')[3] ?? '')
    .filter(Boolean)
  const out: string[] = []
  questions.forEach((q, i) => {
    const unit = units[i % units.length] as Unit
    out.push(
      q,
      foldVietnamese(q),
      `${q} ở ${unit.Name}`,
      q.toUpperCase(),
      `cho hỏi ${q} ạ`,
      `${foldVietnamese(q)} tai ${foldVietnamese(unit.Name)}`,
    )
  })
  return out
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
const ms = (n: number) => n.toFixed(2)

const memory = () => {
  globalThis.gc?.()
  const m = process.memoryUsage()
  return { rss: m.rss, heap: m.heapUsed }
}

const timeQueries = async (queries: string[], run: (q: string) => unknown | Promise<unknown>) => {
  for (const q of queries.slice(0, 20)) await run(q)
  const times: number[] = []
  for (const q of queries) {
    const t = performance.now()
    await run(q)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) }
}

const benchMiniSearch = async (procedures: IndexableProcedure[], queries: string[]) => {
  const synonyms = loadSynonyms()
  const before = memory()
  const t = performance.now()
  const index = buildSearchIndex({ procedures })
  const buildMs = performance.now() - t
  const after = memory()
  const latency = await timeQueries(queries, (query) =>
    searchProcedures({ index, synonyms, query, limit: 10 }),
  )
  return { buildMs, rss: after.rss, heapDelta: after.heap - before.heap, ...latency, size: index.size }
}

const benchFts5 = async (procedures: IndexableProcedure[], queries: string[]) => {
  const client = createClient({ url: ':memory:' })
  const before = memory()
  const t = performance.now()
  await client.execute(
    "CREATE VIRTUAL TABLE p USING fts5(code UNINDEXED, name, folded, tokenize = 'unicode61 remove_diacritics 2')",
  )
  const tx = await client.transaction('write')
  const CHUNK = 500
  for (let i = 0; i < procedures.length; i += CHUNK) {
    await tx.batch(
      procedures.slice(i, i + CHUNK).map((p) => ({
        sql: 'INSERT INTO p (code, name, folded) VALUES (?, ?, ?)',
        args: [p.code, p.name, foldVietnamese(p.name)],
      })),
    )
  }
  await tx.commit()
  const buildMs = performance.now() - t
  const after = memory()
  const latency = await timeQueries(queries, async (query) => {
    const terms = foldVietnamese(query)
      .split(' ')
      .filter(Boolean)
      .map((w) => `"${w.replace(/"/g, '')}"`)
    if (!terms.length) return []
    const rs = await client.execute({
      sql: 'SELECT code FROM p WHERE p MATCH ? ORDER BY bm25(p, 0, 1, 1) LIMIT 10',
      args: [`folded : (${terms.join(' OR ')})`],
    })
    return rs.rows
  })
  client.close()
  return { buildMs, rss: after.rss, heapDelta: after.heap - before.heap, ...latency, size: procedures.length }
}

const main = async () => {
  const started = performance.now()
  const real = readProcedures()
  const units = JSON.parse(
    readFileSync(resolve(shared, 'data/admin-units/provinces-2026/units.json'), 'utf8'),
  ) as Unit[]
  const queries = buildQueries(units)
  const synthetic = synthesize(real, units, SYNTHETIC_SIZE)
  console.log(`queries: ${queries.length} (dev questions, unaccented, local, upper-case, chatty variants)`)
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}${globalThis.gc ? ', gc exposed' : ''}\n`,
  )
  console.log('engine      docs     build ms   rss MB  heap+ MB  p50 ms  p99 ms  target')
  for (const procedures of [real, synthetic]) {
    const mini = await benchMiniSearch(procedures, queries)
    const target = TARGETS[procedures.length]
    const ok =
      target &&
      mini.p99 <= target.p99 &&
      (target.buildMs === undefined || mini.buildMs <= target.buildMs) &&
      (target.rssMb === undefined || mini.rss / 1024 / 1024 <= target.rssMb)
    const targetText = target
      ? `p99≤${target.p99}${target.buildMs ? ` build≤${target.buildMs / 1000}s` : ''}${target.rssMb ? ` rss≤${target.rssMb}` : ''} ${ok ? 'met' : 'MISSED'}`
      : ''
    console.log(
      `minisearch ${String(mini.size).padStart(7)} ${ms(mini.buildMs).padStart(10)} ${mb(mini.rss).padStart(8)} ${mb(mini.heapDelta).padStart(9)} ${ms(mini.p50).padStart(7)} ${ms(mini.p99).padStart(7)}  ${targetText}`,
    )
    const fts = await benchFts5(procedures, queries)
    console.log(
      `fts5       ${String(fts.size).padStart(7)} ${ms(fts.buildMs).padStart(10)} ${mb(fts.rss).padStart(8)} ${mb(fts.heapDelta).padStart(9)} ${ms(fts.p50).padStart(7)} ${ms(fts.p99).padStart(7)}  ${mini.p99 < fts.p99 ? 'minisearch faster (p99)' : 'fts5 faster (p99)'}`,
    )
  }
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

await main()
