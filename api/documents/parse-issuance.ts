/**
 * The `issuance` field of `POST /v1/signing/sessions` (organisation signature): the
 * number/notation and date the clerical office stamps on page 1 before signing, as JSON.
 * @module
 */
import { z } from 'zod'
import { parseJsonField } from './parse-json-field.ts'
import type { IssuanceStamp } from './stamp-issuance.ts'

const ZPoint = z.object({
  x: z.number().min(0).max(14_400),
  y: z.number().min(0).max(14_400),
  size: z.number().min(6).max(28).optional(),
})

export const ZIssuance = z.object({
  notation: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^()\\\r\n]+$/u, 'không chứa dấu ngoặc, gạch chéo ngược hay xuống dòng'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'cần dạng YYYY-MM-DD')
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      'ngày không có thật',
    ),
  numberAt: ZPoint.optional(),
  dateAt: ZPoint.optional(),
})

/** @throws AppError 400 for text that is not JSON or not an issuance */
export const parseIssuance = (raw: unknown): IssuanceStamp | undefined => {
  if (raw === undefined || raw === '') return undefined
  const parsed = parseJsonField({ raw, field: 'issuance', schema: ZIssuance })
  return { ...parsed, notation: parsed.notation.normalize('NFC') }
}

const ZSignatureAt = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  x: z.number().min(0).max(14_400),
  y: z.number().min(0).max(14_400),
  width: z.number().min(20).max(600),
  height: z.number().min(20).max(400),
})

/** The `signatureAt` field: where the signature block is, instead of the text search. @throws AppError 400 */
export const parseSignatureAt = (raw: unknown) => {
  if (raw === undefined || raw === '') return undefined
  return parseJsonField({ raw, field: 'signatureAt', schema: ZSignatureAt })
}
