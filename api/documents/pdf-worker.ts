/**
 * Entry of a PDF worker thread (started by create-pdf-worker-pool.ts): builds a signature
 * verifier over the trust roots it is given and answers `{ id, job }` messages with
 * `{ id, result }` or `{ id, error: { code, message } }`.
 * @module
 */
import { X509Certificate } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../knowledge/errors.ts'
import { movableBuffers } from './movable-buffers.ts'
import { type PdfJob, runPdfJob } from './run-pdf-job.ts'
import { createSignatureVerifier } from './verify-pdf-signatures.ts'

const { trustRoots: rootsDer } = workerData as { trustRoots: Uint8Array[] }
const trustRoots = rootsDer.map((der) => new X509Certificate(der))
const context = { verifier: createSignatureVerifier({ trustRoots }), trustRoots }

/** Large results whose memory is their own are moved, not copied, back to the request thread. */
const movable = (result: unknown): ArrayBuffer[] =>
  movableBuffers(
    [result, (result as { pdf?: unknown })?.pdf, (result as { file?: { bytes?: unknown } })?.file?.bytes],
    64 * 1024,
  )

/** A PDF sent in shared memory is copied here, off the request thread, so no job reads memory another thread holds. */
const ownCopy = (job: PdfJob): PdfJob => {
  const pdf = (job as { pdf?: unknown }).pdf
  return pdf instanceof Uint8Array && pdf.buffer instanceof SharedArrayBuffer
    ? ({ ...job, pdf: new Uint8Array(pdf) } as PdfJob)
    : job
}

parentPort?.on('message', async ({ id, job }: { id: number; job: PdfJob }) => {
  try {
    const result = await runPdfJob(context, ownCopy(job))
    parentPort?.postMessage({ id, result }, movable(result))
  } catch (error) {
    const known = error instanceof AppError
    parentPort?.postMessage({
      id,
      error: {
        code: known ? error.code : 'UNPROCESSABLE',
        message: known ? error.message : 'Không xử lý được tệp PDF. The PDF could not be processed.',
        retryAfterSeconds: known ? error.retryAfterSeconds : undefined,
      },
    })
  }
})
