/**
 * One request-body limit for the whole app: every route gets the default (256 KB, enough for
 * any JSON the API takes) unless a rule names a larger limit for it (where PDFs and imports
 * travel). An oversized body is refused with 413 before any handler, authentication or
 * parser sees it: at once when Content-Length says so, otherwise as soon as the stream
 * passes the limit.
 *
 * A body with a Content-Length is checked from the header alone and left untouched, so the
 * handler reads it straight from the socket (Hono's own limit opens it as a web stream, which
 * then costs every request a stream and a copy, and a 20 MB upload a long copy on the request
 * thread); only a body without a length (chunked) is counted as it streams.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { errorBody } from '../../contracts/errors.ts'

export type BodyLimitRule = {
  method: string
  /** an exact path, or a pattern for paths with parameters */
  path: string | RegExp
  maxBytes: number
  /** what sets the limit, named in the error (e.g. DOCUMENTS_MAX_BYTES) */
  setting?: string
}

export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024

const human = (bytes: number) =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} byte`

const refuse = (maxBytes: number, setting: string | undefined) => (c: Context) =>
  c.json(
    errorBody(
      'PAYLOAD_TOO_LARGE',
      `Nội dung gửi lên vượt giới hạn ${human(maxBytes)} (${maxBytes} byte${setting ? `, ${setting}` : ''}) của ${c.req.method} ${c.req.path}. Request body too large.`,
    ),
    413,
  )

/**
 * Hono's `bodyLimit`, except that a body whose Content-Length is given is never opened here.
 * @example app.post('/v1/ask', limitBodySize({ maxSize: 16 * 1024, onError: tooLarge }), handler)
 */
export const limitBodySize = (options: Parameters<typeof bodyLimit>[0]): MiddlewareHandler => {
  const streamed = bodyLimit(options)
  const onError = options.onError
  return async function limitBodySize(c, next) {
    const { method } = c.req
    if (method === 'GET' || method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && !c.req.header('transfer-encoding') && /^\d+$/.test(length.trim())) {
      if (Number(length) <= options.maxSize) return next()
      if (onError) return onError(c)
    }
    return streamed(c, next)
  }
}

/**
 * @param defaultMaxBytes the limit of every route no rule names
 * @param rules larger (or smaller) limits for named routes; the first match wins
 * @example app.use(limitBody({ rules: [{ method: 'POST', path: '/v1/documents', maxBytes: 20 << 20 }] }))
 */
export const limitBody = ({
  defaultMaxBytes = DEFAULT_BODY_LIMIT_BYTES,
  rules = [],
}: {
  defaultMaxBytes?: number
  rules?: readonly BodyLimitRule[]
} = {}): MiddlewareHandler => {
  const fallback = limitBodySize({ maxSize: defaultMaxBytes, onError: refuse(defaultMaxBytes, undefined) })
  const compiled = rules.map((rule) => ({
    rule,
    handler: limitBodySize({ maxSize: rule.maxBytes, onError: refuse(rule.maxBytes, rule.setting) }),
  }))
  return async function limitBody(c, next) {
    const { method, path } = c.req
    const match = compiled.find(
      ({ rule }) =>
        rule.method === method && (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path)),
    )
    return (match?.handler ?? fallback)(c, next)
  }
}
