/**
 * Request and response schemas of the console's import (progress, report) and of the work
 * queue of records the import flagged.
 * @module
 */
import { z } from 'zod'
import { IMPORT_FLAG_STATUSES } from '../../knowledge/db/schema/import-flags.ts'

export const ZImportJobId = z.string().uuid('Mã lần nhập không hợp lệ.')

const ZWarning = z.object({
  line: z.number().int(),
  code: z.string(),
  message: z.string(),
  procedure: z.string().optional(),
})

export const ZImportJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['upload', 'parse', 'write', 'index', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  summary: z
    .object({
      read: z.number().int(),
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      asOf: z.string(),
      asOfSource: z.string(),
    })
    .nullable(),
  report: z
    .object({
      byCode: z.array(z.object({ code: z.string(), count: z.number().int() })),
      warnings: z.array(ZWarning),
      listed: z.number().int(),
    })
    .nullable(),
  flagged: z.number().int(),
})

export const ZImportFlagsQuery = z.object({
  status: z.enum(IMPORT_FLAG_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

export const ZImportFlagUpdate = z.object({
  status: z.enum(IMPORT_FLAG_STATUSES),
  note: z.string().trim().max(1000).optional(),
})

export const ZImportFlag = z.object({
  id: z.number().int(),
  procedureCode: z.string(),
  name: z.string().nullable(),
  reason: z.string(),
  message: z.string(),
  line: z.number().int(),
  importId: z.string(),
  status: z.enum(IMPORT_FLAG_STATUSES),
  note: z.string().nullable(),
  flaggedAt: z.string(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
})

export const ZImportFlags = z.object({ flags: z.array(ZImportFlag) })
