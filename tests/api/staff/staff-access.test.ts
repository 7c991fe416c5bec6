import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaffAccount } from '../../../api/staff/create-staff-account.ts'
import { hashPassword } from '../../../api/staff/hash-password.ts'
import { logInStaff, readStaffSession } from '../../../api/staff/staff-sessions.ts'
import { auditLog, staffAccounts } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const PASSWORD = 'mật khẩu đủ dài 2026'
const ROLES = ['owner', 'editor', 'agent', 'viewer'] as const
type Role = (typeof ROLES)[number]

let t: TestApp
const sessions = new Map<Role, { cookie: string; csrf: string }>()

const logIn = async (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request('/v1/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  })

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!

beforeAll(async () => {
  t = await createTestApp({ ADMIN_TOKEN })
  const hash = await hashPassword(PASSWORD)
  for (const role of ROLES) {
    await createStaffAccount({ db: t.testDb.db, actor: 'test', email: `${role}@so-tp.vn`, name: role, role })
    // Accounts that already changed their one-time password.
    await t.testDb.db
      .update(staffAccounts)
      .set({ passwordHash: hash, mustChangePassword: false })
      .where(eq(staffAccounts.email, `${role}@so-tp.vn`))
    const res = await logIn(`${role}@so-tp.vn`, PASSWORD)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { csrfToken: string }
    sessions.set(role, { cookie: cookieOf(res), csrf: body.csrfToken })
  }
}, 60_000)
afterAll(() => t?.close())

type Action = { name: string; method: string; path: string; body?: unknown; allowed: Role[] }

const ACTIONS: Action[] = [
  {
    name: 'read a revision history',
    method: 'GET',
    path: '/v1/admin/procedures/1.001193/revisions',
    allowed: [...ROLES],
  },
  { name: 'list unanswered questions', method: 'GET', path: '/v1/admin/unanswered', allowed: [...ROLES] },
  {
    name: 'edit a procedure',
    method: 'PATCH',
    path: '/v1/admin/procedures/1.001193',
    body: { changes: { requirements: 'Không có yêu cầu thêm.' }, reason: 'kiểm tra quyền' },
    allowed: ['owner', 'editor'],
  },
  {
    name: 'restore a revision',
    method: 'POST',
    path: '/v1/admin/procedures/1.001193/restore',
    body: { revision: 1, reason: 'kiểm tra quyền' },
    allowed: ['owner', 'editor'],
  },
  {
    name: 'review an unanswered question',
    method: 'POST',
    path: '/v1/admin/unanswered/999999',
    body: { status: 'dismissed' },
    // Allowed roles get 404 (no such question), the others 403 before any lookup.
    allowed: ['owner', 'editor', 'agent'],
  },
  { name: 'list taught vocabulary', method: 'GET', path: '/v1/admin/vocabulary', allowed: [...ROLES] },
  {
    name: 'remove a vocabulary entry',
    method: 'DELETE',
    path: '/v1/admin/vocabulary/999999',
    allowed: ['owner', 'editor'],
  },
  {
    name: 'undo a vocabulary change',
    method: 'POST',
    path: '/v1/admin/vocabulary/999999/undo',
    allowed: ['owner', 'editor'],
  },
  {
    name: 'list records flagged by the import',
    method: 'GET',
    path: '/v1/admin/import-flags',
    allowed: [...ROLES],
  },
  {
    name: 'mark a flagged record done',
    method: 'POST',
    path: '/v1/admin/import-flags/999999',
    body: { status: 'done' },
    allowed: ['owner', 'editor'],
  },
  { name: 'list accounts', method: 'GET', path: '/v1/admin/accounts', allowed: ['owner'] },
  {
    name: 'create an account',
    method: 'POST',
    path: '/v1/admin/accounts',
    body: { email: 'moi-{role}@so-tp.vn', name: 'Cán bộ mới', role: 'viewer' },
    allowed: ['owner'],
  },
]

const request = (action: Action, role: Role, { csrf = true } = {}) => {
  const session = sessions.get(role)!
  const headers: Record<string, string> = { cookie: session.cookie }
  if (action.body !== undefined) headers['content-type'] = 'application/json'
  if (csrf) headers['x-csrf-token'] = session.csrf
  const body = action.body === undefined ? undefined : JSON.stringify(action.body).replace('{role}', role)
  return t.app.request(action.path, { method: action.method, headers, body })
}

describe('staff role × action', () => {
  const cases = ACTIONS.flatMap((action) => ROLES.map((role) => [action.name, role, action] as const))
  it.each(cases)('%s as %s', async (_name, role, action) => {
    const res = await request(action, role)
    if (action.allowed.includes(role)) expect([200, 201, 404]).toContain(res.status)
    else {
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/không được phép/)
    }
  })
})

describe('the order of the checks on a request with a body', () => {
  const patch = (role: Role, code: string, body: string, type = 'application/json') => {
    const session = sessions.get(role)!
    return t.app.request(`/v1/admin/procedures/${code}`, {
      method: 'PATCH',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': type },
      body,
    })
  }

  it('refuses the role before it reads the path or the body, and the path before the body', async () => {
    expect((await patch('viewer', 'khong-phai-ma', 'not json', 'text/plain')).status).toBe(403)
    const badCode = await patch('editor', 'khong-phai-ma', 'not json', 'text/plain')
    expect(badCode.status).toBe(400)
    expect(((await badCode.json()) as { error: { message: string } }).error.message).toMatch(/^Mã thủ tục/)
    expect((await patch('editor', '1.001193', 'not json', 'text/plain')).status).toBe(415)
    const badBody = await patch('editor', '1.001193', JSON.stringify({ changes: {} }))
    expect(badBody.status).toBe(400)
    expect(((await badBody.json()) as { error: { message: string } }).error.message).toMatch(
      /^Nội dung sửa không hợp lệ: .*reason/,
    )
  })
})

describe('console sessions', () => {
  it('records changes under the staff member’s name', async () => {
    const editor = sessions.get('editor')!
    const res = await t.app.request('/v1/admin/procedures/1.000894', {
      method: 'PATCH',
      headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        changes: { requirements: 'Ghi chú của biên tập viên.' },
        reason: 'thử ghi nhận',
      }),
    })
    expect(res.status).toBe(200)
    const audits = await t.testDb.db.select().from(auditLog).where(eq(auditLog.entityId, '1.000894'))
    expect(audits.at(-1)?.actor).toBe('staff:editor@so-tp.vn')
  })

  it('refuses a state-changing request without the CSRF token, but not a read', async () => {
    const patch = ACTIONS.find((a) => a.method === 'PATCH')!
    const res = await request(patch, 'owner', { csrf: false })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/X-CSRF-Token/)
    expect((await request(ACTIONS[0]!, 'owner', { csrf: false })).status).toBe(200)
  })

  it('sets an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await logIn('viewer@so-tp.vn', PASSWORD)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
  })

  it('ends a session after the idle timeout and after its lifetime', async () => {
    const policy = { idleMinutes: 30, maxHours: 12, maxFailures: 5, windowMinutes: 15 }
    const start = Date.now()
    const logInAgent = () =>
      logInStaff({
        db: t.testDb.db,
        email: 'agent@so-tp.vn',
        password: PASSWORD,
        client: 'test',
        policy,
        now: () => start,
      })
    const { sessionId } = await logInAgent()
    expect(
      await readStaffSession({ db: t.testDb.db, sessionId, policy, now: () => start + 29 * 60_000 }),
    ).not.toBeNull()
    // Used at +29 min, so idle only from there.
    expect(
      await readStaffSession({ db: t.testDb.db, sessionId, policy, now: () => start + 58 * 60_000 }),
    ).not.toBeNull()
    expect(
      await readStaffSession({ db: t.testDb.db, sessionId, policy, now: () => start + 89 * 60_000 }),
    ).toBeNull()
    const again = await logInAgent()
    let at = start
    for (let i = 0; i < 24; i++) {
      at += 29 * 60_000
      if (at - start > 12 * 3_600_000) break
      expect(
        await readStaffSession({ db: t.testDb.db, sessionId: again.sessionId, policy, now: () => at }),
      ).not.toBeNull()
    }
    expect(
      await readStaffSession({
        db: t.testDb.db,
        sessionId: again.sessionId,
        policy,
        now: () => start + 12 * 3_600_000 + 60_000,
      }),
    ).toBeNull()
  })

  it('throttles repeated failed logins with 429 and Retry-After, even with the right password', async () => {
    await createStaffAccount({
      db: t.testDb.db,
      actor: 'test',
      email: 'dich@so-tp.vn',
      name: 'Đích',
      role: 'viewer',
    })
    for (let i = 0; i < 5; i++) expect((await logIn('dich@so-tp.vn', 'sai mật khẩu')).status).toBe(401)
    const blocked = await logIn('dich@so-tp.vn', 'sai mật khẩu')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(
      /thử lại sau \d+ phút/,
    )
  }, 60_000)

  it('gives one message for an unknown e-mail and a wrong password', async () => {
    const unknown = await logIn('khong-co@so-tp.vn', PASSWORD)
    const wrong = await logIn('owner@so-tp.vn', 'sai hoàn toàn')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.text()).toBe(await wrong.text())
  })

  it('keeps ADMIN_TOKEN working for automation, and logging out ends the session', async () => {
    const res = await t.app.request('/v1/admin/unanswered', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    expect(res.status).toBe(200)
    const viewer = sessions.get('viewer')!
    const out = await t.app.request('/v1/admin/session', {
      method: 'DELETE',
      headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf },
    })
    expect(out.status).toBe(204)
    const after = await t.app.request('/v1/admin/unanswered', { headers: { cookie: viewer.cookie } })
    expect(after.status).toBe(401)
  })

  it('asks a new account to change its one-time password before changing anything', async () => {
    const { oneTimePassword } = await createStaffAccount({
      db: t.testDb.db,
      actor: 'test',
      email: 'moi@so-tp.vn',
      name: 'Mới',
      role: 'editor',
    })
    const login = await logIn('moi@so-tp.vn', oneTimePassword)
    const { csrfToken, account } = (await login.json()) as {
      csrfToken: string
      account: { mustChangePassword: boolean }
    }
    expect(account.mustChangePassword).toBe(true)
    const headers = { cookie: cookieOf(login), 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
    const edit = await t.app.request('/v1/admin/procedures/1.001193', {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ changes: { requirements: 'x' }, reason: 'chưa đổi mật khẩu' }),
    })
    expect(edit.status).toBe(403)
    const weak = await t.app.request('/v1/admin/session/password', {
      method: 'POST',
      headers,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'ngắn' }),
    })
    expect(weak.status).toBe(400)
    const changed = await t.app.request('/v1/admin/session/password', {
      method: 'POST',
      headers,
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: PASSWORD }),
    })
    expect(changed.status).toBe(200)
    expect((await logIn('moi@so-tp.vn', oneTimePassword)).status).toBe(401)
    expect((await logIn('moi@so-tp.vn', PASSWORD)).status).toBe(200)
  }, 60_000)
})
