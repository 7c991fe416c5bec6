/**
 * Guards admin routes with the deployment's ADMIN_TOKEN (Bearer), compared in constant time.
 * Without a configured token the admin API is switched off (403), never open.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { AppError } from '../../knowledge/errors.ts'

const digest = (value: string) => createHash('sha256').update(value).digest()

export const requireAdmin = (adminToken: string | null): MiddlewareHandler => {
  const expected = adminToken ? digest(adminToken) : null
  return async function requireAdmin(c, next) {
    if (!expected)
      throw new AppError('FORBIDDEN', 'API quản trị chưa bật: hãy đặt biến môi trường ADMIN_TOKEN.')
    const header = c.req.header('authorization') ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
    if (!token)
      throw new AppError('UNAUTHORIZED', 'Thiếu mã quản trị: gửi header Authorization: Bearer <ADMIN_TOKEN>.')
    if (!timingSafeEqual(digest(token), expected))
      throw new AppError('UNAUTHORIZED', 'Mã quản trị không đúng.')
    c.set('actor' as never, 'admin' as never)
    await next()
  }
}
