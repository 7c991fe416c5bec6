/**
 * A route's JSON request body, declared once: the middleware reads and validates it (415 for
 * another media type, 400 for malformed JSON or naming each bad field) and documents it for
 * `/openapi.json`, so the handler reads `c.req.valid('json')` typed and the document cannot
 * describe another body than the one the server accepts.
 * @module
 */
import type { MiddlewareHandler } from 'hono'
import { uniqueSymbol } from 'hono-openapi'
import type { z } from 'zod'
import { parseInput, readJson } from '../validate.ts'
import { describeContent, json } from './describe-operation.ts'

/**
 * @param what the word for the body in a 400's message ("Câu hỏi không hợp lệ: text: …")
 * @returns a middleware to place after the checks that come before the body (authentication,
 *          permission, rate limit), so that their order stays that of the handler
 */
export const jsonBody = <S extends z.ZodType>(schema: S, what?: string) => {
  const middleware: MiddlewareHandler<
    // biome-ignore lint/suspicious/noExplicitAny: any route's environment
    any,
    string,
    { in: { json: z.input<S> }; out: { json: z.output<S> } }
  > = async function jsonBody(c, next) {
    c.req.addValidatedData('json', parseInput(schema, await readJson(c), what) as object)
    await next()
  }
  return Object.assign(middleware, {
    [uniqueSymbol]: { spec: { requestBody: { required: true, content: describeContent(json(schema)) } } },
  })
}
