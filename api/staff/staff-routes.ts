/**
 * Console sessions and staff accounts: `POST /v1/admin/session` logs in (sets the HttpOnly,
 * SameSite=Strict cookie; Secure when PUBLIC_URL is https), `GET` tells who is logged in and
 * the CSRF token, `DELETE` logs out, `POST /v1/admin/session/password` changes the password;
 * owners create and list accounts at `/v1/admin/accounts`.
 * @module
 */
import { desc } from 'drizzle-orm'
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { staffAccounts } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { clientAddress } from '../../platform/http/client-address.ts'
import { created, describeOperations, json, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { parseInput, readJson } from '../../platform/validate.ts'
import type { AppDeps } from '../deps.ts'
import { createStaffAccount, ZNewStaffAccount } from './create-staff-account.ts'
import { permit, requirePermission, STAFF_COOKIE, type StaffEnv } from './require-staff.ts'
import { ROLE_LABELS } from './staff-permissions.ts'
import {
  changeStaffPassword,
  logInStaff,
  logOutStaff,
  type StaffIdentity,
  type StaffSessionPolicy,
} from './staff-sessions.ts'

const operation = describeOperations({ tag: 'staff', auth: 'staff' })

const ZStaffView = z.object({
  account: z.object({
    email: z.string(),
    name: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    mustChangePassword: z.boolean(),
  }),
  csrfToken: z.string(),
})

const ZLogin = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) })
const ZPasswordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().max(200),
})

const view = (identity: StaffIdentity) => ({
  account: {
    email: identity.email,
    name: identity.name,
    role: identity.role,
    roleLabel: ROLE_LABELS[identity.role],
    mustChangePassword: identity.mustChangePassword,
  },
  csrfToken: identity.csrfToken,
})

export const createStaffRoutes = ({ db, config }: AppDeps, policy: StaffSessionPolicy) => {
  const app = new Hono<StaffEnv>()
  const secure = config.publicUrl?.startsWith('https:') ?? false

  app.post(
    '/v1/admin/session',
    operation('Đăng nhập bảng điều khiển (cookie phiên + mã CSRF)', {
      responses: ok(ZStaffView, 'Đã đăng nhập'),
      errors: [400, 401, 415, 429],
      public: true,
    }),
    jsonBody(ZLogin, 'Đăng nhập'),
    async (c) => {
      const { email, password } = c.req.valid('json')
      try {
        const { sessionId, identity } = await logInStaff({
          db,
          email,
          password,
          client: clientAddress(c, config.trustProxyHops),
          policy,
        })
        setCookie(c, STAFF_COOKIE, sessionId, {
          httpOnly: true,
          sameSite: 'Strict',
          secure,
          path: '/',
          maxAge: policy.maxHours * 3600,
        })
        return c.json(view(identity))
      } catch (error) {
        const retryAfter = (error as AppError).details as { retryAfter?: number } | undefined
        if (error instanceof AppError && error.code === 'RATE_LIMITED' && retryAfter?.retryAfter)
          c.header('Retry-After', String(retryAfter.retryAfter))
        throw error
      }
    },
  )

  app.get(
    '/v1/admin/session',
    operation('Phiên đăng nhập hiện tại', {
      responses: ok(ZStaffView.partial()),
      errors: [401, 403],
    }),
    (c) => {
      const { identity } = c.get('staff')
      if (!identity)
        return c.json({
          account: {
            email: null,
            name: 'ADMIN_TOKEN',
            role: 'owner',
            roleLabel: ROLE_LABELS.owner,
            mustChangePassword: false,
          },
          csrfToken: null,
        })
      return c.json(view(identity))
    },
  )

  app.delete(
    '/v1/admin/session',
    operation('Đăng xuất', {
      responses: { 204: { description: 'Đã đăng xuất' } },
      errors: [401, 403],
    }),
    async (c) => {
      const { sessionId } = c.get('staff')
      if (sessionId) await logOutStaff({ db, sessionId })
      deleteCookie(c, STAFF_COOKIE, { path: '/', secure })
      return c.body(null, 204)
    },
  )

  app.post(
    '/v1/admin/session/password',
    operation('Đổi mật khẩu (bắt buộc sau mật khẩu dùng một lần)', {
      body: json(ZPasswordChange),
      responses: ok(ZStaffView, 'Đã đổi'),
      errors: [400, 401, 403, 415],
    }),
    async (c) => {
      const { identity, sessionId } = c.get('staff')
      if (!identity || !sessionId)
        throw new AppError('BAD_REQUEST', 'Chỉ tài khoản cán bộ đăng nhập mới đổi được mật khẩu.')
      const { currentPassword, newPassword } = parseInput(ZPasswordChange, await readJson(c), 'Đổi mật khẩu')
      await changeStaffPassword({ db, identity, currentPassword, newPassword, sessionId })
      return c.json(view({ ...identity, mustChangePassword: false }))
    },
  )

  app.get(
    '/v1/admin/accounts',
    operation('Tài khoản nhân viên', {
      responses: ok(
        z.object({
          accounts: z.array(z.looseObject({ email: z.string(), name: z.string(), role: z.string() })),
        }),
      ),
      errors: [401, 403],
    }),
    async (c) => {
      requirePermission(c, 'manageAccounts')
      const rows = await db
        .select({
          id: staffAccounts.id,
          email: staffAccounts.email,
          name: staffAccounts.name,
          role: staffAccounts.role,
          mustChangePassword: staffAccounts.mustChangePassword,
          createdAt: staffAccounts.createdAt,
          disabledAt: staffAccounts.disabledAt,
        })
        .from(staffAccounts)
        .orderBy(desc(staffAccounts.id))
      return c.json({ accounts: rows })
    },
  )

  app.post(
    '/v1/admin/accounts',
    operation('Tạo tài khoản nhân viên; mật khẩu dùng một lần hiện một lần', {
      responses: created(z.looseObject({ email: z.string(), role: z.string() }), 'Đã tạo'),
      errors: [400, 401, 403, 409, 415],
    }),
    permit('manageAccounts'),
    jsonBody(ZNewStaffAccount, 'Tài khoản'),
    async (c) => {
      const { actor } = c.var.staff
      const created = await createStaffAccount({ db, actor, ...c.req.valid('json') })
      return c.json(created, 201)
    },
  )

  return app
}
