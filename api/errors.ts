/**
 * Translates errors to HTTP once, at the edge: `AppError` keeps its status and message,
 * Hono's own errors (body limit, bad JSON) become the same JSON shape, anything else is a
 * generic 500 with no stack trace.
 * @module
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError } from '../knowledge/errors.ts'
import type { Logger } from './logger.ts'

export type ErrorBody = { error: { code: string; message: string; details?: unknown } }

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
})

/** Builds the `app.onError` handler. */
export const createErrorHandler = (log: Logger) =>
  function onError(err: Error, c: Context) {
    if (err instanceof AppError) {
      if (err.status >= 500)
        log.error('request failed', { path: c.req.path, code: err.code, message: err.message })
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds))
      return c.json(errorBody(err.code, err.message, err.details), err.status as ContentfulStatusCode)
    }
    if (err instanceof HTTPException) {
      const status = err.status
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST'
      const message =
        status === 413
          ? 'Nội dung gửi lên quá lớn. Request body too large.'
          : err.message || 'Yêu cầu không hợp lệ. Bad request.'
      return c.json(errorBody(code, message), status as ContentfulStatusCode)
    }
    log.error('unexpected error', { path: c.req.path, error: String(err), stack: err.stack })
    return c.json(errorBody('INTERNAL', 'Đã có lỗi phía máy chủ. Internal server error.'), 500)
  }
