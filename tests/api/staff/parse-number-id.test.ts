import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { numberIdParam, parseNumberId } from '../../../api/staff/parse-number-id.ts'
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

describe('numberIdParam', () => {
  const app = new Hono()
    .post('/items/:id', numberIdParam('Mã mục'), (c) => c.json({ id: c.req.valid('param').id }))
    .onError((error, c) => c.json({ message: error.message }, 400))

  it('hands the handler the number', async () => {
    expect(await (await app.request('/items/7', { method: 'POST' })).json()).toEqual({ id: 7 })
  })

  it('refuses another path with a 400 naming what the number is', async () => {
    const res = await app.request('/items/bay', { method: 'POST' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: 'Mã mục phải là số nguyên dương.' })
  })
})
