/**
 * A staff route's numeric `:id` (a ticket, a question, a notice, an import flag).
 * @module
 */
import { AppError } from '../../knowledge/errors.ts'
import { pathParams } from '../../platform/path-params.ts'

/**
 * @param raw the path parameter
 * @param what what the number identifies, as the message names it (e.g. "Mã câu hỏi")
 * @returns the id, a positive whole number
 * @throws AppError BAD_REQUEST otherwise
 * @example parseNumberId(c.req.param('id'), 'Mã thông báo')
 */
export const parseNumberId = (raw: string, what: string): number => {
  const id = Number(raw)
  if (!Number.isInteger(id) || id < 1) throw new AppError('BAD_REQUEST', `${what} phải là số nguyên dương.`)
  return id
}

/**
 * The route's `:id` parsed by `parseNumberId` before its body: the handler reads it with
 * `c.req.valid('param').id`.
 * @example app.post('/v1/admin/x/:id', permit('review'), numberIdParam('Mã câu hỏi'), jsonBody(ZX), handler)
 */
export const numberIdParam = (what: string) =>
  pathParams((param) => ({ id: parseNumberId(param('id'), what) }))
