/**
 * A small structured logger (one JSON line per event). Personal data must be masked
 * before it is logged (knowledge/text/mask-personal-data.ts).
 * @module
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
export type Logger = {
  debug: (msg: string, data?: Record<string, unknown>) => void
  info: (msg: string, data?: Record<string, unknown>) => void
  warn: (msg: string, data?: Record<string, unknown>) => void
  error: (msg: string, data?: Record<string, unknown>) => void
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/** Errors become `{ name, message, stack, cause }` instead of `{}` (what JSON.stringify makes of them). */
const serialise = (_key: string, value: unknown): unknown =>
  value instanceof Error
    ? {
        name: value.name,
        message: value.message,
        stack: value.stack,
        ...(value.cause ? { cause: value.cause } : {}),
      }
    : value

/** @param level the lowest level written; `silent` writes nothing (tests) */
export const createLogger = (
  level: LogLevel = 'info',
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger => {
  const at = (lvl: Exclude<LogLevel, 'silent'>) =>
    function log(msg: string, data?: Record<string, unknown>) {
      if (ORDER[lvl] < ORDER[level]) return
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...data }, serialise))
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
