import { describe, expect, it } from 'vitest'
import { parseNumberId } from '../../../api/staff/parse-number-id.ts'
import { AppError } from '../../../knowledge/errors.ts'

describe('parseNumberId', () => {
  it('takes a positive whole number', () => {
    expect(parseNumberId('42', 'Mã câu hỏi')).toBe(42)
  })

  it.each(['0', '-3', '1.5', 'abc', ''])('refuses %j with a 400 naming what the number is', (raw) => {
    let thrown: unknown
    try {
      parseNumberId(raw, 'Mã thông báo')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect(thrown).toMatchObject({ code: 'BAD_REQUEST', message: 'Mã thông báo phải là số nguyên dương.' })
  })
})
