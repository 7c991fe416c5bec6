/**
 * Request schemas of the procedure routes.
 * @module
 */
import { z } from 'zod'

export const MAX_QUESTION_LENGTH = 2000

export const ZSearchQuery = z.object({
  q: z
    .string({ error: 'Thiếu tham số q (câu hỏi hoặc từ khóa).' })
    .trim()
    .min(1, 'Tham số q không được để trống.')
    .max(MAX_QUESTION_LENGTH, `Tham số q dài tối đa ${MAX_QUESTION_LENGTH} ký tự.`)
    .meta({ example: 'lam lai cccd', description: 'Câu hỏi hoặc từ khóa' }),
  limit: z.coerce
    .number({ error: 'limit phải là số.' })
    .int('limit phải là số nguyên.')
    .min(1, 'limit tối thiểu là 1.')
    .max(50, 'limit tối đa là 50.')
    .default(10),
})

export const ZProcedureCode = z
  .string()
  .regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số).')
  .meta({ example: '1.001193', description: 'Mã thủ tục' })

export const ZAskBody = z.object({
  text: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'Thiếu trường text (câu hỏi).'
          : 'Trường text phải là một chuỗi (câu hỏi bằng chữ).',
    })
    .trim()
    .min(1, 'Câu hỏi không được để trống.')
    .max(MAX_QUESTION_LENGTH, `Câu hỏi dài tối đa ${MAX_QUESTION_LENGTH} ký tự.`)
    .meta({ example: 'đổi GPLX hết bao nhiêu' }),
  sessionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'sessionId gồm 8–64 ký tự A-Z, a-z, 0-9, _ hoặc -.')
    .optional(),
})
