import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countPdfObjects, MAX_PDF_OBJECTS } from '../../../api/documents/count-pdf-objects.ts'
import { createPdfWorkerPool } from '../../../api/documents/create-pdf-worker-pool.ts'
import type { PdfJob } from '../../../api/documents/run-pdf-job.ts'
import { createSignatureVerifier } from '../../../api/documents/verify-pdf-signatures.ts'
import { createHealthRoutes } from '../../../api/routes/health.ts'
import { seedStarterProcedures } from '../../../knowledge/procedures/seed-starter-procedures.ts'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const SENDER = '000.00.01.H56'
const TO = '000.00.02.H56'
const stuckWorker = new URL('../../fixtures/documents/stuck-pdf-worker.ts', import.meta.url)

/** The audit's file: nothing but signature byte ranges, which the old scanner read in quadratic time. */
const byteRangeBomb = (bytes: number) => {
  const entry = '/ByteRange [0 10 20 30]\n'
  return Buffer.from(`%PDF-1.7\n${entry.repeat(Math.ceil(bytes / entry.length))}%%EOF\n`, 'latin1')
}

/** Nothing but tiny objects: a parser spends time on each, so a 20 MB file held a worker for 7 s. */
const objectBomb = (objects: number) => {
  const entry = '1 0 obj << /Type /Page /Kids [2 0 R] >> endobj\n'
  return Buffer.from(`%PDF-1.7\n${entry.repeat(objects)}%%EOF\n`, 'latin1')
}

describe("counting a PDF's objects before parsing it", () => {
  it('counts `n g obj` headers, not `endobj`, and stops just past the limit', async () => {
    expect(countPdfObjects(objectBomb(3))).toBe(3)
    expect(
      countPdfObjects(Buffer.from('%PDF-1.7\n12 0 obj\n<<>>\nendobj\n7\r\n0\robj 1 0 R\n', 'latin1')),
    ).toBe(2)
    expect(countPdfObjects(objectBomb(50), 10)).toBe(11)
  })
})

describe('a crafted PDF cannot freeze the server', () => {
  let app: Scenario
  let clerk: Official
  const started: PdfJob['op'][] = []
  let onVerify: (() => void) | null = null

  beforeAll(async () => {
    app = await startScenario({
      documents: {
        pdfWorkers: {
          onStart: (job) => {
            started.push(job.op)
            if (job.op === 'verify') onVerify?.()
          },
        },
      },
      agencies: [
        [SENDER, 'UBND tỉnh Hà Nam'],
        [TO, 'Sở Tài chính tỉnh Hà Nam', SENDER],
      ],
    })
    clerk = await app.official(SENDER, 'clerk')
    await seedStarterProcedures({ db: app.t.db })
    await app.deps.kb.refresh()
  })
  afterAll(() => app.close())

  it('refuses a 2 MB file of byte ranges with a small 422, and /healthz answers while the worker checks it', async () => {
    // dependency checks kept for a minute: the answer during the check below needs no I/O of its own
    const health = createHealthRoutes(app.deps, { cacheMs: 60_000 })
    expect((await health.request('/healthz')).status).toBe(200)
    const verifying = new Promise<void>((resolve) => {
      onVerify = resolve
    })
    let answered = false
    const pending = app.submit(clerk, byteRangeBomb(2 * 1024 * 1024), app.header([TO])).then((res) => {
      answered = true
      return res
    })
    await verifying
    const healthz = await health.request('/healthz')
    expect(healthz.status).toBe(200)
    expect(answered).toBe(false)

    const res = await pending
    const body = await res.text()
    expect(res.status).toBe(422)
    expect(body.length).toBeLessThan(4096)
    expect(JSON.parse(body).error.message).toContain('hơn 16 chữ ký')
  })

  it('refuses the same file sent as unsigned too, without reading it as a document', async () => {
    const res = await app.submit(clerk, byteRangeBomb(1024 * 1024), app.header([TO], { allowUnsigned: true }))
    const body = await res.text()
    expect(res.status).toBe(422)
    expect(body.length).toBeLessThan(4096)
  })

  it('refuses a file of more objects than any document holds before parsing it, even sent unsigned', async () => {
    started.length = 0
    const res = await app.submit(
      clerk,
      objectBomb(MAX_PDF_OBJECTS + 1),
      app.header([TO], { allowUnsigned: true }),
    )
    expect(res.status).toBe(422)
    const body = await res.text()
    expect(body).toContain('đối tượng')
    expect(body.length).toBeLessThan(4096)
    expect(started).toContain('countPages')
    // nothing was stored
    expect((await app.t.db.$client.execute('SELECT count(*) AS n FROM documents')).rows[0]?.['n']).toBe(0)
  })

  it('reads the upload and verifies it in one worker job, then counts its pages in a worker', async () => {
    started.length = 0
    const res = await app.submit(clerk, await app.pdf(), app.header([TO], { allowUnsigned: true }))
    expect(res.status).toBe(201)
    expect((await res.json()).verification).toMatchObject({ status: 'unsigned', signatures: [] })
    expect(started).toEqual(['readForm', 'countPages'])
  })

  it('verifies a file of 1 MB or more in a job of its own, with its own time budget', async () => {
    started.length = 0
    const pdf = await app.pdf({ padTo: 1100 * 1024 })
    const res = await app.submit(clerk, pdf, app.header([TO], { allowUnsigned: true }))
    expect(res.status).toBe(201)
    expect((await res.json()).verification).toMatchObject({ status: 'unsigned', signatures: [] })
    expect(started).toEqual(['readForm', 'verify', 'countPages'])
  })
})

describe('the verifier bounds its work', () => {
  it('reads at most 16 signatures of a 20 MB file of byte ranges and reports one problem', () => {
    const verifier = createSignatureVerifier({ trustRoots: [] })
    const v = verifier.verify(byteRangeBomb(20 * 1024 * 1024))
    expect(v.status).toBe('signed_invalid')
    expect(v.signatures).toEqual([])
    expect(v.problems).toHaveLength(1)
  })

  it('stops checking when its time budget is spent', () => {
    const verifier = createSignatureVerifier({ trustRoots: [] })
    const v = verifier.verify(byteRangeBomb(200), new Date(), Date.now() - 1)
    expect(v.status).toBe('signed_invalid')
    expect(v.problems?.[0]).toContain('thời gian')
  })
})

describe('the PDF worker pool', () => {
  it('stops a job over its time budget with 422 and refuses work beyond its queue with 503 and Retry-After', async () => {
    const pool = createPdfWorkerPool({
      trustRoots: [],
      size: 1,
      queueLimit: 1,
      budgetMs: 500,
      workerUrl: stuckWorker,
    })
    const job = { op: 'countPages', pdf: new Uint8Array(8) } as const
    const first = pool.run(job).catch((e: unknown) => e)
    const second = pool.run(job).catch((e: unknown) => e)
    const third = await pool.run(job).catch((e: unknown) => e)
    expect(third).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 2 })
    expect(await first).toMatchObject({ code: 'UNPROCESSABLE' })
    // the stuck worker was replaced: the queued job ran in a new one
    expect(await second).toMatchObject({ code: 'UNPROCESSABLE' })
    expect(pool.stats()).toEqual({ workers: 0, running: 0, queued: 0 })
    await pool.close()
  })

  it('answers 503 with Retry-After over HTTP when every worker is busy and the queue is full', async () => {
    const app = await startScenario({
      env: { DOCUMENTS_WORKERS: '1', DOCUMENTS_QUEUE_LIMIT: '0', DOCUMENTS_TIME_BUDGET_MS: '1500' },
      documents: { pdfWorkers: { workerUrl: stuckWorker } },
    })
    try {
      await app.agency(SENDER, 'UBND tỉnh Hà Nam')
      await app.agency(TO, 'Sở Tài chính tỉnh Hà Nam', SENDER)
      const clerk = await app.official(SENDER, 'clerk')
      const pdf = await app.pdf()
      const busy = app.submit(clerk, pdf, app.header([TO]))
      await new Promise((resolve) => setTimeout(resolve, 300))
      const refused = await app.submit(clerk, await app.pdf({ text: 'khác' }), app.header([TO]))
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('2')
      expect((await busy).status).toBe(422)
    } finally {
      app.close()
    }
  })
})
