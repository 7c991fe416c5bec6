import { describe, expect, it } from 'vitest'
import { createLogger } from '../../platform/logger.ts'

describe('createLogger', () => {
  it('writes one JSON line per event at or above its level', () => {
    const lines: string[] = []
    const log = createLogger('warn', (line) => lines.push(line))
    log.info('hidden')
    log.warn('shown', { code: 'X' })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'shown', code: 'X' })
  })

  it('serialises an error with its name, message, stack and cause', () => {
    const lines: string[] = []
    const log = createLogger('info', (line) => lines.push(line))
    const cause = new Error('SQLITE_FULL: database or disk is full')
    log.error('request failed', { error: new TypeError('bad input', { cause }) })
    const { error } = JSON.parse(lines[0]!) as {
      error: { name: string; message: string; stack: string; cause: { message: string } }
    }
    expect(error.name).toBe('TypeError')
    expect(error.message).toBe('bad input')
    expect(error.stack).toMatch(/logger\.test\.ts/)
    expect(error.cause.message).toMatch(/SQLITE_FULL/)
  })
})
