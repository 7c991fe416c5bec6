/**
 * Entry of a PDF worker thread (started by create-pdf-worker-pool.ts): builds a signature
 * verifier over the trust roots it is given and answers `{ id, job }` messages with
 * `{ id, result }` or `{ id, error: { code, message } }`.
 * @module
 */
import { X509Certificate } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../knowledge/errors.ts'
import { type PdfJob, runPdfJob } from './run-pdf-job.ts'
import { createSignatureVerifier } from './verify-pdf-signatures.ts'

const { trustRoots: rootsDer } = workerData as { trustRoots: Uint8Array[] }
const trustRoots = rootsDer.map((der) => new X509Certificate(der))
const context = { verifier: createSignatureVerifier({ trustRoots }), trustRoots }

parentPort?.on('message', async ({ id, job }: { id: number; job: PdfJob }) => {
  try {
    parentPort?.postMessage({ id, result: await runPdfJob(context, job) })
  } catch (error) {
    const known = error instanceof AppError
    parentPort?.postMessage({
      id,
      error: {
        code: known ? error.code : 'UNPROCESSABLE',
        message: known ? error.message : 'Không xử lý được tệp PDF. The PDF could not be processed.',
      },
    })
  }
})
