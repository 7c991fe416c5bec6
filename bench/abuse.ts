/**
 * `npm run bench:abuse [-- path/to/export.jsonl[.gz]]`: what an attacker or a big import
 * costs everyone else, against the real server on 127.0.0.1:
 * - the time to refuse a 20 MB adversarial PDF (a file of nothing but signature byte
 *   ranges, quadratic for the old scanner) and /healthz latency while it is checked
 *   (targets: ≤ 2 s, p99 ≤ 50 ms);
 * - /v1/ask latency while an admin imports the full portal export over HTTP (p99 ≤ 100 ms).
 * The export defaults to knowledge/data/procedures/dichvucong-2026-07.jsonl.gz, else the
 * shared copy. Bounded by a watchdog of 5 minutes.
 * @module
 */

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import { createAgency } from '../api/documents/create-agency.ts'
import { createOfficial } from '../api/documents/create-official.ts'
import { createDb } from '../knowledge/db/client.ts'
import { NATIONAL_EXPORT_FILE } from '../knowledge/procedures/read-export.ts'
import { header, pdfForm } from '../tests/helpers/documents-app.ts'
import { startServer } from '../tests/helpers/start-server.ts'

const ADMIN_TOKEN = 'bench-admin-token-0123456789'
const SENDER = '000.00.01.H56'
const TO = '000.00.02.H56'
const QUESTIONS = [
  'lam lai cccd bi mat o dau',
  'đổi GPLX hết bao nhiêu',
  'đăng ký khai sinh cần giấy tờ gì',
  'cấp hộ chiếu mấy ngày',
  'đăng ký kết hôn online được không',
]

const exportPath = process.argv[2] ?? NATIONAL_EXPORT_FILE
if (!existsSync(exportPath))
  throw new Error(`no export at ${exportPath}: pass the path of the portal export (JSONL or JSONL.gz)`)
const exportBytes = (() => {
  const raw = readFileSync(exportPath)
  return new Uint8Array(exportPath.endsWith('.gz') ? gunzipSync(raw) : raw)
})()
const exportRecords = Buffer.from(exportBytes).toString('utf8').split('\n').filter(Boolean).length

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
const summary = (values: number[]) =>
  `n=${values.length}  p50 ${percentile(values, 50).toFixed(1)} ms  p99 ${percentile(values, 99).toFixed(1)} ms  max ${Math.max(...values).toFixed(1)} ms`

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-abuse-'))
const server = await startServer({ DATA_DIR: dir, ADMIN_TOKEN, KB_REFRESH_SECONDS: '0', LOG_LEVEL: 'info' })
const base = server.url
const watchdog = setTimeout(() => {
  process.stderr.write('bench:abuse exceeded 5 minutes, aborting\n')
  void server.stop().finally(() => process.exit(1))
}, 300_000)

const db = await createDb({ url: `file:${join(dir, 'trolyso.db')}` })
await createAgency({ db, code: SENDER, name: 'UBND tỉnh', actor: 'bench' })
await createAgency({ db, code: TO, name: 'Sở Tài chính', parentCode: SENDER, actor: 'bench' })
const { token } = await createOfficial({
  db,
  agencyCode: SENDER,
  name: 'Văn thư',
  role: 'clerk',
  actor: 'bench',
})

/** Sends requests one after another until `done` resolves; returns each latency. */
const probe = async (send: () => Promise<Response>, done: Promise<unknown>, gapMs: number) => {
  let finished = false
  void done.finally(() => {
    finished = true
  })
  const latencies: number[] = []
  while (!finished) {
    const started = performance.now()
    const res = await send()
    await res.arrayBuffer()
    if (res.status >= 500) throw new Error(`probe answered ${res.status}`)
    latencies.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, gapMs))
  }
  return latencies
}
const healthz = () => fetch(`${base}/healthz`)
let asked = 0
const ask = () =>
  fetch(`${base}/v1/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: QUESTIONS[asked++ % QUESTIONS.length] }),
  })

/** The multipart body, encoded before any clock starts: the probes share this process's event loop. */
const encodeForm = async (pdf: Uint8Array<ArrayBuffer>, allowUnsigned: boolean) => {
  const form = pdfForm(pdf, {
    header: header([TO], { notation: '1/QĐ-UBND', place: 'Hà Nam', subject: 'Thử', allowUnsigned }),
  })
  const encoded = new Response(form)
  return {
    contentType: encoded.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await encoded.arrayBuffer()),
  }
}

/**
 * Sends the upload from a worker thread: pushing 20 MB through fetch stalls the sending
 * thread's event loop for about 100 ms, which would show up as /healthz latency measured here.
 */
const UPLOADER = `
const { parentPort, workerData } = require('node:worker_threads')
const started = performance.now()
fetch(workerData.url, { method: 'POST', headers: workerData.headers, body: workerData.bytes })
  .then(async (res) => {
    const body = await res.text()
    parentPort.postMessage({ status: res.status, bytes: body.length, ms: performance.now() - started })
  })
  .catch((error) => parentPort.postMessage({ error: String(error) }))
`
const submitPdf = ({ contentType, bytes }: { contentType: string; bytes: Uint8Array<ArrayBuffer> }) =>
  new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
    const worker = new Worker(UPLOADER, {
      eval: true,
      workerData: {
        url: `${base}/v1/documents`,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        bytes,
      },
    })
    worker.once('message', (result: { status: number; bytes: number; ms: number } | { error: string }) => {
      void worker.terminate()
      if ('error' in result) reject(new Error(result.error))
      else resolve(result)
    })
    worker.once('error', reject)
  })

const MB20 = 20 * 1024 * 1024 - 4096
const entry = '/ByteRange [0 10 20 30]\n'
const byteRanges = Buffer.from(
  `%PDF-1.7\n${entry.repeat(Math.floor((MB20 - 20) / entry.length))}%%EOF\n`,
  'latin1',
)
const garbage = Buffer.alloc(MB20, '1 0 obj << /Type /Page /Kids [2 0 R] >> endobj\n', 'latin1')
garbage.write('%PDF-1.7\n', 0, 'latin1')

await probe(healthz, new Promise((resolve) => setTimeout(resolve, 1000)), 10)
const idleHealth = await probe(healthz, new Promise((resolve) => setTimeout(resolve, 2000)), 10)
console.log(`/healthz, idle                     ${summary(idleHealth)}`)

for (const [name, pdf, allowUnsigned] of [
  ['20 MB of /ByteRange entries', byteRanges, false],
  ['20 MB of broken objects, sent unsigned', garbage, true],
] as const) {
  const body = await encodeForm(new Uint8Array(pdf), allowUnsigned)
  const refusing = submitPdf(body)
  const health = await probe(healthz, refusing, 10)
  const result = await refusing
  console.log(
    `${name}: ${result.status} in ${(result.ms / 1000).toFixed(2)} s, error body ${result.bytes} bytes`,
  )
  console.log(`  /healthz meanwhile                ${summary(health)}`)
}

await probe(ask, new Promise((resolve) => setTimeout(resolve, 1000)), 20)
const idleAsk = await probe(ask, new Promise((resolve) => setTimeout(resolve, 3000)), 20)
console.log(`/v1/ask, idle                      ${summary(idleAsk)}`)
const importStarted = performance.now()
const importing = fetch(`${base}/v1/admin/import?asOf=2026-07-15`, {
  method: 'POST',
  headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/x-ndjson' },
  body: exportBytes,
}).then(async (res) => ({ status: res.status, summary: (await res.json()) as Record<string, unknown> }))
const during = await probe(ask, importing, 20)
const imported = await importing
console.log(
  `admin import of ${exportRecords} records: ${imported.status} in ${((performance.now() - importStarted) / 1000).toFixed(1)} s (inserted ${String(imported.summary['inserted'])})`,
)
console.log(`  /v1/ask meanwhile                 ${summary(during)}`)

clearTimeout(watchdog)
db.$client.close()
await server.stop()
rmSync(dir, { recursive: true, force: true })
