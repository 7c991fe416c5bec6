/**
 * The one error body every API error has: `{ error: { code, message, details? } }`, with a
 * message a person can act on. `errorBody` builds it; the schema documents it.
 * @module
 */
import { z } from 'zod'

export const ZErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' })

export type ErrorBody = z.infer<typeof ZErrorBody>

/** @returns the error body for a code and message (details only when given) */
export const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
})
