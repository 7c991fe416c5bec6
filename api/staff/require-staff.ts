/**
 * Who is calling `/v1/admin/*`: a staff member with a console session (HttpOnly cookie; a
 * state-changing request must also carry the session's CSRF token in `X-CSRF-Token`), or
 * automation with the deployment's ADMIN_TOKEN (Bearer, compared in constant time, acts as
 * an owner). Sets `c.var.staff`; `requirePermission` then checks the role.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Db } from '../../knowledge/db/client.ts'
import type { StaffRole } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { can, type StaffPermission } from './staff-permissions.ts'
import { readStaffSession, type StaffIdentity, type StaffSessionPolicy } from './staff-sessions.ts'

export const STAFF_COOKIE = 'trolyso_staff'

export type StaffCaller = {
  /** Recorded in the audit log: `staff:<e-mail>` or `admin` (ADMIN_TOKEN). */
  actor: string
  role: StaffRole
  identity: StaffIdentity | null
  sessionId: string | null
}

export type StaffEnv = { Variables: { staff: StaffCaller } }

const digest = (value: string) => createHash('sha256').update(value).digest()
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type RequireStaffOptions = {
  db: Db
  adminToken: string | null
  policy: StaffSessionPolicy
  /** Paths (method + path) reachable without a caller, e.g. logging in. */
  open?: string[]
}

export const requireStaff = ({
  db,
  adminToken,
  policy,
  open = [],
}: RequireStaffOptions): MiddlewareHandler<StaffEnv> => {
  const expected = adminToken ? digest(adminToken) : null
  return async function requireStaff(c, next) {
    if (open.includes(`${c.req.method} ${c.req.path}`)) return next()
    const header = c.req.header('authorization') ?? ''
    if (header) {
      if (!expected)
        throw new AppError(
          'FORBIDDEN',
          'Mã quản trị chưa bật: hãy đặt biến môi trường ADMIN_TOKEN, hoặc đăng nhập tại /admin.',
        )
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
      if (!token || !timingSafeEqual(digest(token), expected))
        throw new AppError('UNAUTHORIZED', 'Mã quản trị không đúng.')
      c.set('staff', { actor: 'admin', role: 'owner', identity: null, sessionId: null })
      return next()
    }
    const sessionId = getCookie(c, STAFF_COOKIE)
    if (!sessionId) {
      if (!expected)
        throw new AppError(
          'FORBIDDEN',
          'API quản trị chưa bật: hãy đặt biến môi trường ADMIN_TOKEN, hoặc đăng nhập tại /admin.',
        )
      throw new AppError(
        'UNAUTHORIZED',
        'Thiếu mã quản trị: gửi header Authorization: Bearer <ADMIN_TOKEN>, hoặc đăng nhập tại /admin.',
      )
    }
    const identity = await readStaffSession({ db, sessionId, policy })
    if (!identity) throw new AppError('UNAUTHORIZED', 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.')
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? ''
      if (
        sent.length !== identity.csrfToken.length ||
        !timingSafeEqual(Buffer.from(sent), Buffer.from(identity.csrfToken))
      )
        throw new AppError('FORBIDDEN', 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang.')
    }
    c.set('staff', { actor: `staff:${identity.email}`, role: identity.role, identity, sessionId })
    return next()
  }
}

/** @throws AppError FORBIDDEN naming what the role may not do */
export const requirePermission = (c: Context<StaffEnv>, permission: StaffPermission): StaffCaller => {
  const staff = c.get('staff')
  if (!can(staff.role, permission)) {
    throw new AppError('FORBIDDEN', `Vai trò "${staff.role}" không được phép thao tác này.`)
  }
  if (staff.identity?.mustChangePassword && permission !== 'read') {
    throw new AppError('FORBIDDEN', 'Hãy đổi mật khẩu dùng một lần trước khi thay đổi dữ liệu.')
  }
  return staff
}

/**
 * @returns route middleware, after `requireStaff`: `requirePermission` before what follows it
 *          (a route's body is read only once the caller may do what it asks)
 */
export const permit = (permission: StaffPermission): MiddlewareHandler<StaffEnv> =>
  async function permit(c, next) {
    requirePermission(c, permission)
    await next()
  }
