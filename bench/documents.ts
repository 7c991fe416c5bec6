/**
 * `npm run bench:documents`: ingest throughput and latency of POST /v1/documents for ~100 KB
 * PDFs carrying two signatures (approver + organisation), each fully verified on the way in
 * (byte-range digests, CMS signatures, chain, validity, signer roles), through the real app
 * over a real libSQL file database. Bounded: setup plus measurement stay well under a minute.
 * @module
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import * as pkijs from 'pkijs'
import { createApp } from '../api/app.ts'
import { composeServices } from '../api/compose-services.ts'
import { loadConfig } from '../api/config.ts'
import {
  addSignaturePlaceholder,
  embedSignature,
  signedBytes,
} from '../api/documents/add-signature-placeholder.ts'
import { assembleCms, buildSignedAttributes } from '../api/documents/build-cms-signature.ts'
import { createAgency } from '../api/documents/create-agency.ts'
import { createOfficial } from '../api/documents/create-official.ts'
import { caDirOf } from '../api/documents/documents-service.ts'
import { ensureCertificateAuthority } from '../api/documents/init-certificate-authority.ts'
import { enrolCertificate } from '../api/documents/issue-certificate.ts'
import { buildName, ecdsaSignatureToDer, toPem } from '../api/documents/pki-encoding.ts'
import { createDb } from '../knowledge/db/client.ts'
import { migrateDb } from '../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts'
import { createLogger } from '../platform/logger.ts'

const DOCS = Number(process.env['BENCH_DOCS'] ?? 420)
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16)
const SIZE = 100 * 1024

const dir = mkdtempSync(join(tmpdir(), 'trolyso-bench-'))
const started = performance.now()
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', KB_SEED: 'false' })
const db = await createDb(config.database)
await migrateDb(db)
const kb = await createKnowledgeBase({ db })
const services = composeServices({ config, db, kb, log: createLogger('silent') })
const app = createApp(services)
const ca = await ensureCertificateAuthority(caDirOf(config))

const SENDER = '000.00.01.H56'
const TO = ['000.00.02.H56', '000.00.03.H56', '000.00.04.H56']
await createAgency({ db, code: SENDER, name: 'UBND tỉnh', actor: 'bench' })
for (const code of TO) await createAgency({ db, code, name: `Sở ${code}`, actor: 'bench' })

const signer = async (role: string, name: string) => {
  const { official, token } = await createOfficial({ db, agencyCode: SENDER, name, role, actor: 'bench' })
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const csr = new pkijs.CertificationRequest()
  csr.subject = buildName({ CN: name })
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey)
  await csr.sign(keys.privateKey, 'SHA-256')
  const issued = await enrolCertificate({
    db,
    ca,
    csrPem: toPem(new Uint8Array(csr.toSchema().toBER(false)), 'CERTIFICATE REQUEST'),
    subject: { officialId: official.id, name, agencyCode: SENDER, agencyName: 'UBND tỉnh' },
  })
  return { token, keys, cert: pkijs.Certificate.fromBER(new Uint8Array(issued.der)), der: issued.der }
}
const approver = await signer('approver', 'Chủ tịch')
const clerk = await signer('clerk', 'Văn thư')

const sign = async (pdf: Uint8Array, who: typeof approver, role: 'approver' | 'organisation') => {
  const signingTime = new Date()
  const prep = await addSignaturePlaceholder({ pdf, role, signerName: 'x', signingTime })
  const h = createHash('sha256')
  for (const p of signedBytes(prep.pdf, prep.byteRange)) h.update(p)
  const { attributes, toBeSigned } = buildSignedAttributes({
    messageDigest: h.digest(),
    certificate: who.cert,
    certificateDer: who.der,
  })
  const sig = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, who.keys.privateKey, toBeSigned),
  )
  const cms = assembleCms({
    attributes,
    signature: ecdsaSignatureToDer(sig),
    certificate: who.cert,
    chain: [ca.certificate],
  })
  return embedSignature(prep.pdf, prep.byteRange, cms)
}

const base = await (async () => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < 3; i++)
    doc.addPage([595, 842]).drawText(`Van ban so ${i + 1}`, { x: 50, y: 780, size: 14, font })
  // two reserved /Contents of 16 KiB (32 KiB of hex each) come on top of the page content
  const noise = new Uint8Array(SIZE - 70_000)
  crypto.getRandomValues(noise.subarray(0, 65536))
  crypto.getRandomValues(noise.subarray(65536))
  doc.context.register(doc.context.flateStream(noise))
  return Buffer.from(await doc.save())
})()

const pdfs: Buffer[] = []
for (let i = 0; i < DOCS; i++) {
  // a unique comment before the signatures makes each document distinct
  const unique = Buffer.concat([base, Buffer.from(`\n% bench ${i} ${Math.random()}\n`)])
  pdfs.push(await sign(await sign(unique, approver, 'approver'), clerk, 'organisation'))
}
const setupMs = performance.now() - started
const header = JSON.stringify({
  to: TO,
  notation: '123/QĐ-UBND',
  place: 'Hà Nội',
  promulgatedAt: '2026-11-20',
  type: 'Quyết định',
  subject: 'Bench',
  pages: 3,
})

/** The multipart body a client sends, built before the clock starts: the client's work is not the server's. */
const multipart = (pdf: Buffer) => {
  const boundary = `----trolyso${Math.random().toString(36).slice(2)}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="header"\r\n\r\n${header}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="vb.pdf"\r\nContent-Type: application/pdf\r\n\r\n`
  return {
    body: new Uint8Array(
      Buffer.concat([Buffer.from(head), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    ) as Uint8Array<ArrayBuffer>,
    type: `multipart/form-data; boundary=${boundary}`,
  }
}
const requests = pdfs.map(multipart)

const submitOne = async ({ body: form, type }: { body: Uint8Array<ArrayBuffer>; type: string }) => {
  const t0 = performance.now()
  const res = await app.request('/v1/documents', {
    method: 'POST',
    // as every HTTP client sends it with a body of known size (curl, browsers, the extension)
    headers: {
      Authorization: `Bearer ${clerk.token}`,
      'Content-Type': type,
      'Content-Length': String(form.byteLength),
    },
    body: form,
  })
  const body = (await res.json()) as { signatureStatus?: string }
  const ms = performance.now() - t0
  if (res.status !== 201 || body.signatureStatus !== 'signed_valid')
    throw new Error(`unexpected ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
  return ms
}

/** Sends `list` with `CONCURRENCY` requests in flight. */
const submitAll = async (list: typeof requests, latencies: number[] = []) => {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) {
        const r = list[next++]
        if (r) latencies.push(await submitOne(r))
      }
    }),
  )
  return latencies
}

// The warm-up sends as many at once as the measurement, so every PDF worker has started and
// compiled its code before the clock starts (one at a time, only the first worker would).
await submitAll(requests.splice(0, 40))

const cpu0 = process.cpuUsage()
const request0 = process.threadCpuUsage()
const t0 = performance.now()
const latencies = await submitAll(requests)
const seconds = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
const requestThread = process.threadCpuUsage(request0)
latencies.sort((a, b) => a - b)
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
const avgKb = pdfs.reduce((n, p) => n + p.length, 0) / pdfs.length / 1024
process.stdout.write(
  `${[
    `documents ingest: ${latencies.length} signed PDFs (~${avgKb.toFixed(0)} KB, 2 signatures each, ${TO.length} recipients), concurrency ${CONCURRENCY}`,
    `  throughput: ${(latencies.length / seconds).toFixed(0)} documents/s (${((latencies.length * avgKb) / 1024 / seconds).toFixed(1)} MB/s)`,
    `  latency: p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
    // CPU time of all the process's threads: comparable between runs on a busy machine, unlike throughput
    `  CPU: ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(2)} ms per document (all threads; ${(cpu.system / 1000 / latencies.length).toFixed(2)} ms system), of which the request thread ${((requestThread.user + requestThread.system) / 1000 / latencies.length).toFixed(2)} ms`,
    `  setup (CA, officials, signing ${DOCS} PDFs): ${(setupMs / 1000).toFixed(1)} s`,
  ].join('\n')}\n`,
)
await services.stop()
kb.close()
db.$client.close()
rmSync(dir, { recursive: true, force: true })
