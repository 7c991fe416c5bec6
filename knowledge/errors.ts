/**
 * The one error vocabulary of trolyso. Domain code throws `AppError`; the HTTP edge
 * (api/errors.ts) and the bot's error boundary translate it once.
 * @module
 */
export const AppErrorCode = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
} as const

export type AppErrorCode = keyof typeof AppErrorCode

/**
 * An expected failure with a message a person can act on.
 * @example throw new AppError('NOT_FOUND', 'Không tìm thấy thủ tục mã 1.999999')
 */
export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: unknown
  /** for 429 and 503: when to try again (sent as Retry-After) */
  readonly retryAfterSeconds: number | undefined
  constructor(
    code: AppErrorCode,
    message: string,
    options: { cause?: unknown; details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.details = options.details
    this.retryAfterSeconds = options.retryAfterSeconds
  }
  get status(): number {
    return AppErrorCode[this.code]
  }
}
