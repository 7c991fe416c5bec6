/**
 * zod validation at the edge: a failing request becomes a 400 with every problem listed.
 * @module
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError } from '../knowledge/errors.ts'

const describe = (error: z.ZodError, whole: string) =>
  error.issues.map((i) => ({ field: i.path.join('.') || whole, message: i.message }))

/**
 * Parses a value with a schema or throws a 400 `AppError` naming each bad field.
 * @param whole the name for the value itself when it is not an object (a path parameter: `code`)
 */
export const parseInput = <S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = 'Dữ liệu',
  whole = '(body)',
): z.infer<S> => {
  const result = schema.safeParse(value)
  if (!result.success) {
    const problems = describe(result.error, whole)
    throw new AppError(
      'BAD_REQUEST',
      `${what} không hợp lệ: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      {
        details: problems,
      },
    )
  }
  return result.data
}

/** Reads a JSON body, turning malformed JSON or a wrong content type into a clear 4xx. */
export const readJson = async (c: Context): Promise<unknown> => {
  const type = c.req.header('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi JSON với Content-Type: application/json.')
  }
  try {
    return await c.req.json()
  } catch {
    throw new AppError('BAD_REQUEST', 'JSON không đúng cú pháp. Malformed JSON body.')
  }
}
