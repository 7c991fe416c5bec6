/**
 * A multipart form field that carries JSON (`header`, `issuance`, `signatureAt`), read with its
 * schema: one place for the messages a caller sees when the field is not text or not JSON.
 * @module
 */
import type { z } from 'zod'
import { AppError } from '../../knowledge/errors.ts'
import { parseInput } from '../../platform/validate.ts'

/**
 * @param raw the field's value as the form gave it
 * @param notText the message when it is not text (by default `<field>: cần một chuỗi JSON.`)
 * @throws AppError 400 when it is not text, not JSON, or not what `schema` describes
 */
export const parseJsonField = <S extends z.ZodType>({
  raw,
  field,
  schema,
  notText = `${field}: cần một chuỗi JSON.`,
}: {
  raw: unknown
  field: string
  schema: S
  notText?: string
}): z.infer<S> => {
  if (typeof raw !== 'string') throw new AppError('BAD_REQUEST', notText)
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new AppError('BAD_REQUEST', `${field}: không phải JSON hợp lệ.`)
  }
  return parseInput(schema, value, field)
}
