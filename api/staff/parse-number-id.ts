/**
 * A staff route's numeric `:id` (a ticket, a question, a notice, an import flag).
 * @module
 */
import { AppError } from '../../knowledge/errors.ts'

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
