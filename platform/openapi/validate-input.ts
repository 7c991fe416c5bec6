/**
 * What `jsonBody` and `queryParams` are made of: a middleware that reads one part of the
 * request, validates it with a zod schema (400 naming each bad field) and hands the value to
 * the handler as `c.req.valid(target)`, carrying the part's description for `/openapi.json`.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { uniqueSymbol } from 'hono-openapi'
import type { z } from 'zod'
import { parseInput } from '../validate.ts'

export type ValidateInputOptions<T extends 'json' | 'query', S extends z.ZodType> = {
  target: T
  schema: S
  /** the raw value of the part (may throw its own 4xx, e.g. 415 for another media type) */
  read: (c: Context) => unknown
  /** the word for the part in a 400's message */
  what: string | undefined
  /** the operation's fields this part documents (`requestBody`, `parameters`) */
  spec: Record<string, unknown>
}

export const validateInput = <T extends 'json' | 'query', S extends z.ZodType>({
  target,
  schema,
  read,
  what,
  spec,
}: ValidateInputOptions<T, S>) => {
  const middleware: MiddlewareHandler<
    // biome-ignore lint/suspicious/noExplicitAny: any route's environment
    any,
    string,
    { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } }
  > = async function validateInput(c, next) {
    c.req.addValidatedData(target, parseInput(schema, await read(c), what) as object)
    await next()
  }
  return Object.assign(middleware, { [uniqueSymbol]: { spec } })
}
