/**
 * A route's query parameters, declared once: the middleware validates them (400 naming each bad
 * parameter, with the route's word for them) and documents them for `/openapi.json`, so the
 * handler reads `c.req.valid('query')` typed and the document cannot describe other parameters
 * than the ones the server reads.
 * @module
 */
import type { z } from 'zod'
import { describeParameters } from './describe-operation.ts'
import { validateInput } from './validate-input.ts'

/**
 * @param schema an object schema, one property a parameter (its `description` and `example` are documented)
 * @param what the word for the parameters in a 400's message ("Tham số không hợp lệ: limit: …")
 * @returns a middleware to place after the checks that come before the query (authentication,
 *          permission, rate limit, path parameters), so that their order stays that of the handler
 */
export const queryParams = <S extends z.ZodType>(schema: S, what?: string) =>
  validateInput({
    target: 'query',
    schema,
    read: (c) => c.req.query(),
    what,
    spec: { parameters: describeParameters(schema, 'query') },
  })
