/**
 * Request schemas of the admin routes.
 * @module
 */
import { z } from 'zod'
import { ZProcedure } from '../../knowledge/procedures/procedure.types.ts'
import { ZProcedureCode } from './procedures.types.ts'

export const ZProcedurePatch = z.object({
  changes: ZProcedure.omit({ code: true })
    .partial()
    .refine((c) => Object.keys(c).length > 0, 'Không có trường nào để sửa.'),
  reason: z.string().trim().min(3, 'Hãy ghi lý do sửa (ít nhất 3 ký tự).').max(500),
})

export const ZRestoreBody = z.object({
  revision: z.number().int().min(1),
  reason: z.string().trim().min(3, 'Hãy ghi lý do khôi phục (ít nhất 3 ký tự).').max(500),
})

export const ZUnansweredQuery = z.object({
  status: z.enum(['open', 'resolved', 'dismissed']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const ZUnansweredUpdate = z
  .object({
    status: z.enum(['open', 'resolved', 'dismissed']),
    note: z.string().trim().max(1000).optional(),
    /** Resolved with this procedure: the question becomes a learnt phrase search answers with it. */
    procedureCode: z
      .string()
      .trim()
      .regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193.')
      .optional(),
  })
  .refine((v) => !v.procedureCode || v.status === 'resolved', {
    path: ['procedureCode'],
    message: 'Chỉ câu hỏi được đánh dấu đã xử lý (resolved) mới gắn được với thủ tục.',
  })

export const ZImportQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf có dạng YYYY-MM-DD.')
    .optional(),
})

/** `:code` of a procedure */
export const ZCodeParam = z.object({ code: ZProcedureCode })

/** `:id` of a numbered record (unanswered question, notice, hand-off) */
export const ZNumberIdParam = z.object({
  id: z.string().regex(/^\d+$/).meta({ description: 'Số thứ tự', example: '1' }),
})

export const ZImportSummary = z.looseObject({
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
})

export const ZUnanswered = z.looseObject({
  id: z.number(),
  text: z.string().meta({ description: 'the question, personal data masked' }),
  count: z.number(),
  status: z.enum(['open', 'resolved', 'dismissed']),
})
