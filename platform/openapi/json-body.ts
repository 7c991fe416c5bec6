/**
 * A route's JSON request body, declared once: the middleware reads and validates it (415 for
 * another media type, 400 for malformed JSON or naming each bad field) and documents it for
 * `/openapi.json`, so the handler reads `c.req.valid('json')` typed and the document cannot
 * describe another body than the one the server accepts.
 * @module
 */
import type { z } from 'zod'
import { readJson } from '../validate.ts'
import { describeContent, json } from './describe-operation.ts'
import { validateInput } from './validate-input.ts'

/**
 * @param what the word for the body in a 400's message ("Câu hỏi không hợp lệ: text: …")
 * @returns a middleware to place after the checks that come before the body (authentication,
 *          permission, rate limit), so that their order stays that of the handler
 */
export const jsonBody = <S extends z.ZodType>(schema: S, what?: string) =>
  validateInput({
    target: 'json',
    schema,
    read: readJson,
    what,
    spec: { requestBody: { required: true, content: describeContent(json(schema)) } },
  })
