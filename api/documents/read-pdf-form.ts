/**
 * What the documents routes share at the edge: reading a multipart form that carries a PDF,
 * parsing the JSON `header` field, and answering with a PDF.
 * @module
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { type DocumentHeader, ZDocumentHeader } from '../../contracts/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { FORM_OVERHEAD } from '../body-limits.ts'
import { readBodyBytes } from '../read-body-bytes.ts'
import { shareWithWorkers } from './create-pdf-worker-pool.ts'
import type { DocumentsService } from './documents-service.ts'
import { parseJsonField } from './parse-json-field.ts'
import type { Verification } from './verify-pdf-signatures.ts'

export type PdfForm = {
  form: Record<string, unknown>
  pdf: Uint8Array
  sha256: string
  /** the signatures' verdict, when asked for and the file is small enough to be verified with the form */
  verification?: Verification | undefined
}

/**
 * Reads a multipart form with a PDF in `file`; 415 for anything else, 413 for a PDF over the
 * service's `maxBytes` (DOCUMENTS_MAX_BYTES). The body is parsed and digested in a PDF worker:
 * tens of megabytes of multipart would hold the request thread.
 * @param options.verify also verify the PDF's signatures in the same job (small files only)
 */
export const readPdfForm = async (
  c: Context,
  svc: DocumentsService,
  options: { verify?: boolean } = {},
): Promise<PdfForm> => {
  const { maxBytes } = svc
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Hãy gửi multipart/form-data với trường file (application/pdf).',
    )
  }
  // Straight from the socket into one buffer, which is then moved to the worker, not copied.
  const body = await readBodyBytes({ c, maxBytes: maxBytes + FORM_OVERHEAD })
  const { fields, file } = await svc.pdf.run(
    {
      op: 'readForm',
      body,
      contentType: c.req.header('content-type') ?? '',
      ...(options.verify ? { verifyBudgetMs: svc.verifyBudgetMs } : {}),
    },
    [body],
  )
  if (!file) throw new AppError('BAD_REQUEST', 'file: thiếu tệp PDF trong trường "file".')
  if (file.type && file.type !== 'application/pdf' && file.type !== 'application/octet-stream') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `file: cần application/pdf, nhận được ${file.type}.`)
  }
  if (file.bytes.byteLength > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `file: tệp vượt giới hạn ${maxBytes} byte (DOCUMENTS_MAX_BYTES).`)
  if (file.shared) shareWithWorkers(file.bytes, file.shared)
  return { form: fields, pdf: file.bytes, sha256: file.sha256, verification: file.verification }
}

/** The form's `file` field as the operations declare it: the PDF's bytes. */
export const pdfFilePart = (description = 'PDF') => z.string().meta({ format: 'binary', description })

/** The form's `header` field as the operations declare it (read by `parseHeader`). */
export const ZHeaderPart = ZDocumentHeader.meta({
  description: 'the header, sent as a JSON string part (application/json)',
})

/** Parses the form's `header` field (a JSON string) with the shared header contract. */
export const parseHeader = (raw: unknown): DocumentHeader =>
  parseJsonField({
    raw,
    field: 'header',
    schema: ZDocumentHeader,
    notText: 'header: thiếu trường header (chuỗi JSON).',
  })

/** A PDF answer with its SHA-256, never cached. */
export const pdfResponse = (c: Context, pdf: Uint8Array, sha256: string, status: 200 | 201 = 200) =>
  c.body(new Uint8Array(pdf), status, {
    'Content-Type': 'application/pdf',
    'X-Document-Sha256': sha256,
    'Cache-Control': 'no-store',
  })
