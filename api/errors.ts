/**
 * Translates errors to HTTP once, at the edge: `AppError` keeps its status and message,
 * Hono's own errors (body limit, bad JSON) become the same JSON shape, anything else is a
 * generic 500 with no stack trace.
 * @module
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorBody } from '../contracts/errors.ts'
import { AppError } from '../knowledge/errors.ts'
import type { Logger } from '../platform/logger.ts'

export { type ErrorBody, errorBody } from '../contracts/errors.ts'

/** The SQLite result code of an error or of one of its causes (libSQL and drizzle wrap them). */
export const sqliteCodeOf = (error: unknown): string | null => {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code
    e = (e as { cause?: unknown }).cause
  }
  return null
}

const STORAGE_ERRORS: Record<string, { code: 'INSUFFICIENT_STORAGE' | 'UNAVAILABLE'; message: string }> = {
  SQLITE_FULL: {
    code: 'INSUFFICIENT_STORAGE',
    message:
      'Máy chủ hết chỗ lưu trữ; yêu cầu chưa được ghi. Thử lại sau khi quản trị viên giải phóng dung lượng. Storage is full.',
  },
  SQLITE_READONLY: {
    code: 'UNAVAILABLE',
    message: 'Cơ sở dữ liệu đang ở chế độ chỉ đọc; yêu cầu chưa được ghi. The database is read-only.',
  },
  SQLITE_CORRUPT: {
    code: 'UNAVAILABLE',
    message: 'Cơ sở dữ liệu bị hỏng; cần quản trị viên khôi phục. The database is corrupt.',
  },
  SQLITE_NOTADB: {
    code: 'UNAVAILABLE',
    message: 'Tệp cơ sở dữ liệu không phải SQLite; cần quản trị viên khôi phục. Not a database.',
  },
  SQLITE_IOERR: {
    code: 'UNAVAILABLE',
    message: 'Lỗi đọc ghi đĩa; yêu cầu chưa được ghi. Thử lại sau. Disk I/O error.',
  },
  SQLITE_BUSY: {
    code: 'UNAVAILABLE',
    message: 'Cơ sở dữ liệu đang bận; thử lại sau ít giây. The database is busy.',
  },
}

/**
 * libSQL reports a database file it cannot open with no code, only
 * `ConnectionFailed("Unable to open connection to local database …: 14")`: SQLite's number.
 */
const OPEN_FAILURES: Record<string, string> = {
  '8': 'SQLITE_READONLY: attempt to write a readonly database',
  '14': 'SQLITE_CANTOPEN: unable to open database file',
  '26': 'SQLITE_NOTADB: file is not a database',
}
const openFailure = (error: unknown) => {
  const number = /Unable to open connection to local database .*: (\d+)"?\)?$/.exec(
    error instanceof Error ? error.message : '',
  )?.[1]
  return number ? (OPEN_FAILURES[number] ?? `SQLite error ${number}`) : null
}

/** A storage fault in words an operator acts on (code and SQLite's own message), or null for other errors. */
export const describeStorageError = (error: unknown): string | null => {
  const code = sqliteCodeOf(error)
  if (!code) return openFailure(error)
  let message = ''
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error && (e as { code?: unknown }).code === code) message = e.message
    e = (e as { cause?: unknown }).cause
  }
  // libSQL's message often starts with the code already.
  if (message.startsWith(`${code}: `)) return message
  return `${code}${message ? `: ${message}` : ''}`
}

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
    const storage = sqliteCodeOf(err)
    const known = storage
      ? (STORAGE_ERRORS[storage] ?? STORAGE_ERRORS[storage.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')])
      : undefined
    if (known) {
      log.error('storage fault', { path: c.req.path, cause: describeStorageError(err) })
      if (known.code === 'UNAVAILABLE') c.header('Retry-After', '30')
      const status = known.code === 'INSUFFICIENT_STORAGE' ? 507 : 503
      return c.json(errorBody(known.code, known.message), status)
    }
    log.error('unexpected error', { path: c.req.path, error: String(err), stack: err.stack })
    return c.json(errorBody('INTERNAL', 'Đã có lỗi phía máy chủ. Internal server error.'), 500)
  }
