/**
 * The PDF work that may take long on a crafted file — reading the multipart upload,
 * signature verification, page counting, preparing a signature and completing one — as
 * plain messages, so it runs in a
 * PDF worker (api/documents/pdf-worker.ts) and never on the thread that serves requests.
 * The signing code (pdf-lib, pkijs) is loaded on the first job that needs it: a worker that
 * only reads uploads and verifies starts in about half the time.
 * @module
 */
import { createHash, type X509Certificate } from 'node:crypto'
import { AppError } from '../../knowledge/errors.ts'
import type { SignatureRole } from './add-signature-placeholder.ts'
import type { AppearanceRequest } from './build-signature-appearance.ts'
import { countPdfObjects, MAX_PDF_OBJECTS } from './count-pdf-objects.ts'
import type { IssuanceStamp } from './stamp-issuance.ts'
import type { SignatureVerifier, Verification } from './verify-pdf-signatures.ts'

export type PdfJob =
  | {
      op: 'readForm'
      body: ArrayBuffer
      contentType: string
      /**
       * also verify the file's signatures in this job (time budget in ms from the job's start),
       * when it is a PDF under `VERIFY_WITH_FORM_BELOW_BYTES`: one trip to a worker instead of two
       */
      verifyBudgetMs?: number
    }
  | { op: 'verify'; pdf: Uint8Array; budgetMs: number }
  | { op: 'countPages'; pdf: Uint8Array }
  | {
      op: 'prepare'
      pdf: Uint8Array
      role: SignatureRole
      signerName: string
      signingTime: string
      certificatePem: string | null
      /** stamped on page 1 before the signature is added */
      issuance?: IssuanceStamp | null
      /** what the signature shows (its time is `signingTime`) */
      appearance?: Omit<AppearanceRequest, 'signingTime'> | null
    }
  | { op: 'toBeSigned'; prepared: Uint8Array; certificatePem: string; signingTime: string }
  | {
      op: 'complete'
      prepared: Uint8Array
      certificatePem: string
      certificateSerial: string
      signingTime: string
      signature: Uint8Array
      /** TSA_URL: add an RFC 3161 signature timestamp (PAdES B-T) */
      tsaUrl: string | null
    }

export type PdfForm = {
  fields: Record<string, string>
  /**
   * `shared`: the same bytes in shared memory, for large files (see `shareWithWorkers`);
   * `verification`: the verifier's verdict when the job asked for it and the file is a small PDF
   */
  file: {
    type: string
    bytes: Uint8Array
    sha256: string
    shared?: Uint8Array
    verification?: Verification
  } | null
}

/** Files from this size on get a shared-memory twin, so later jobs need no copy on the request thread. */
const SHARE_FROM_BYTES = 1024 * 1024

/**
 * Files below this size are verified in the job that reads the upload when asked: for the
 * common ~100 KB document the second trip to a worker cost about as much as its multipart
 * parsing. Larger files keep a job each, so each has the whole time budget.
 */
export const VERIFY_WITH_FORM_BELOW_BYTES = SHARE_FROM_BYTES

export type PdfJobResult = {
  readForm: PdfForm
  /** the verdict, and the PDF itself handed back (it is moved to the worker, not copied) */
  verify: { verification: Verification; pdf: Uint8Array }
  countPages: number
  prepare: {
    pdf: Uint8Array
    byteRange: number[]
    toBeSigned: Uint8Array | null
    appearance: { visible: boolean; note: string | null } | null
  }
  toBeSigned: Uint8Array
  complete: Uint8Array
}

export type PdfJobContext = { verifier: SignatureVerifier; trustRoots: X509Certificate[] }

const countPages = async (pdf: Uint8Array) => {
  if (countPdfObjects(pdf) > MAX_PDF_OBJECTS) {
    throw new AppError(
      'UNPROCESSABLE',
      `file: tệp PDF có hơn ${MAX_PDF_OBJECTS.toLocaleString('vi-VN')} đối tượng, vượt mức một văn bản; hãy xuất lại tệp từ phần mềm soạn thảo.`,
    )
  }
  const { PDFDocument } = await import('pdf-lib')
  try {
    return (await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true })).getPageCount()
  } catch {
    throw new AppError('UNPROCESSABLE', 'file: không đọc được tệp PDF.')
  }
}

const isPdf = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString('latin1')
    .includes('%PDF-')

/**
 * Parses a multipart/form-data body (tens of MB take the request thread a while) and digests
 * its file; with `verifier`, also verifies a small PDF's signatures by `deadline`.
 */
const readForm = async (
  body: ArrayBuffer,
  contentType: string,
  verifier?: { check: SignatureVerifier; deadline: number },
): Promise<PdfForm> => {
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw new AppError(
      'BAD_REQUEST',
      'Nội dung multipart/form-data không đọc được (sai boundary hoặc bị cắt).',
    )
  }
  const fields: Record<string, string> = {}
  let file: PdfForm['file'] = null
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value
    else if (name === 'file') {
      const bytes = new Uint8Array(await value.arrayBuffer())
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      let shared: Uint8Array | undefined
      if (bytes.byteLength >= SHARE_FROM_BYTES) {
        shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength))
        shared.set(bytes)
      }
      const verification =
        verifier && bytes.byteLength < VERIFY_WITH_FORM_BELOW_BYTES && isPdf(bytes)
          ? verifier.check.verify(bytes, new Date(), verifier.deadline)
          : undefined
      file = {
        type: value.type,
        bytes,
        sha256,
        ...(shared ? { shared } : {}),
        ...(verification ? { verification } : {}),
      }
    }
  }
  return { fields, file }
}

/** Runs one job; the caller (a worker, or a test) passes its verifier and trust roots. */
export const runPdfJob = async (
  { verifier, trustRoots }: PdfJobContext,
  job: PdfJob,
): Promise<PdfJobResult[PdfJob['op']]> => {
  switch (job.op) {
    case 'readForm':
      return readForm(
        job.body,
        job.contentType,
        job.verifyBudgetMs ? { check: verifier, deadline: Date.now() + job.verifyBudgetMs } : undefined,
      )
    case 'verify':
      return { verification: verifier.verify(job.pdf, new Date(), Date.now() + job.budgetMs), pdf: job.pdf }
    case 'countPages':
      return countPages(job.pdf)
    case 'prepare': {
      const [{ addSignaturePlaceholder }, { stampIssuance }, { signedAttributesFor }] = await Promise.all([
        import('./add-signature-placeholder.ts'),
        import('./stamp-issuance.ts'),
        import('./compute-signed-attributes.ts'),
      ])
      const signingTime = new Date(job.signingTime)
      const pdf = job.issuance ? await stampIssuance({ pdf: job.pdf, stamp: job.issuance }) : job.pdf
      const prepared = await addSignaturePlaceholder({
        pdf,
        role: job.role,
        signerName: job.signerName,
        signingTime,
        appearance: job.appearance ? { ...job.appearance, signingTime } : null,
      })
      const toBeSigned = job.certificatePem
        ? signedAttributesFor(prepared.pdf, prepared.byteRange, job.certificatePem).toBeSigned
        : null
      return {
        pdf: prepared.pdf,
        byteRange: prepared.byteRange,
        toBeSigned,
        appearance: prepared.appearance ?? null,
      }
    }
    case 'toBeSigned': {
      const { byteRangeOf, signedAttributesFor } = await import('./compute-signed-attributes.ts')
      return signedAttributesFor(job.prepared, byteRangeOf(job.prepared), job.certificatePem).toBeSigned
    }
    case 'complete': {
      const { signPreparedPdf } = await import('./sign-prepared-pdf.ts')
      return signPreparedPdf({ ...job, trustRoots })
    }
  }
}
