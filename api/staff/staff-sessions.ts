/**
 * Console sessions: log in (password check, throttled per e-mail and per client address),
 * read a session (idle timeout, absolute lifetime), change the password, log out. Only the
 * SHA-256 of a session id is stored; the id itself lives in the HttpOnly cookie.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import {
  type StaffRole,
  staffAccounts,
  staffLoginFailures,
  staffSessions,
} from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { hashPassword, verifyPassword } from './hash-password.ts'

export type StaffSessionPolicy = {
  /** A session unused this long ends. */
  idleMinutes: number
  /** A session ends this long after login, used or not. */
  maxHours: number
  /** Failed logins allowed per e-mail (and 4× per client address) within `windowMinutes`. */
  maxFailures: number
  windowMinutes: number
}

export const DEFAULT_STAFF_SESSION_POLICY: StaffSessionPolicy = {
  idleMinutes: 30,
  maxHours: 12,
  maxFailures: 5,
  windowMinutes: 15,
}

export type StaffIdentity = {
  accountId: number
  email: string
  name: string
  role: StaffRole
  mustChangePassword: boolean
  csrfToken: string
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex')

type Clock = { now?: () => number }

const failureKeys = (email: string, client: string) => [`email:${email}`, `client:${client}`]

/** One log-in attempt, as both the throttle check and the failure count see it. */
type Attempt = { db: Db; email: string; client: string; policy: StaffSessionPolicy; now: number }

const checkThrottle = async ({ db, email, client, policy, now }: Attempt) => {
  const windowStart = now - policy.windowMinutes * 60_000
  for (const key of failureKeys(email, client)) {
    const [row] = await db.select().from(staffLoginFailures).where(eq(staffLoginFailures.key, key))
    const limit = key.startsWith('email:') ? policy.maxFailures : policy.maxFailures * 4
    if (row && row.windowStart > windowStart && row.count >= limit) {
      const retryAfter = Math.ceil((row.windowStart + policy.windowMinutes * 60_000 - now) / 1000)
      throw new AppError(
        'RATE_LIMITED',
        `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil(retryAfter / 60)} phút.`,
        { details: { retryAfter } },
      )
    }
  }
}

const recordFailure = async ({ db, email, client, policy, now }: Attempt) => {
  const windowStart = now - policy.windowMinutes * 60_000
  for (const key of failureKeys(email, client)) {
    // One statement, so concurrent failures from several processes are all counted.
    await db
      .insert(staffLoginFailures)
      .values({ key, count: 1, windowStart: now })
      .onConflictDoUpdate({
        target: staffLoginFailures.key,
        set: {
          count: sql`CASE WHEN ${staffLoginFailures.windowStart} > ${windowStart} THEN ${staffLoginFailures.count} + 1 ELSE 1 END`,
          windowStart: sql`CASE WHEN ${staffLoginFailures.windowStart} > ${windowStart} THEN ${staffLoginFailures.windowStart} ELSE ${now} END`,
        },
      })
  }
}

export type LogInStaffOptions = Clock & {
  db: Db
  email: string
  password: string
  /** The client's address, for throttling. */
  client: string
  policy?: StaffSessionPolicy
}

/**
 * @returns the new session id (for the cookie) and who logged in
 * @throws AppError UNAUTHORIZED for a wrong e-mail or password (same message for both),
 *   RATE_LIMITED after too many failures
 */
export const logInStaff = async ({
  db,
  email: rawEmail,
  password,
  client,
  policy = DEFAULT_STAFF_SESSION_POLICY,
  now = Date.now,
}: LogInStaffOptions): Promise<{ sessionId: string; identity: StaffIdentity }> => {
  const email = rawEmail.trim().toLowerCase()
  const at = now()
  await checkThrottle({ db, email, client, policy, now: at })
  const [account] = await db.select().from(staffAccounts).where(eq(staffAccounts.email, email))
  // An unknown e-mail costs the same scrypt work as a wrong password.
  const ok = await verifyPassword(password, account?.passwordHash ?? (await getDummyHash()))
  if (!account || !ok || account.disabledAt) {
    await recordFailure({ db, email, client, policy, now: at })
    throw new AppError('UNAUTHORIZED', 'E-mail hoặc mật khẩu không đúng.')
  }
  await db.delete(staffLoginFailures).where(eq(staffLoginFailures.key, `email:${email}`))
  const sessionId = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  await db.transaction(async (tx) => {
    await tx.delete(staffSessions).where(lt(staffSessions.expiresAt, at))
    await tx.insert(staffSessions).values({
      idHash: digest(sessionId),
      accountId: account.id,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: at + policy.maxHours * 3_600_000,
    })
    await recordAudit(tx, {
      actor: `staff:${email}`,
      action: 'staff.login',
      entity: 'staff_account',
      entityId: account.id,
      at: new Date(at).toISOString(),
    })
  })
  const { id: accountId, name, role, mustChangePassword } = account
  return { sessionId, identity: { accountId, email, name, role, mustChangePassword, csrfToken } }
}

/** A real hash of a random password, so unknown e-mails are not answered faster than wrong passwords. */
let dummyHash: Promise<string> | null = null
const getDummyHash = () => {
  dummyHash ??= hashPassword(randomBytes(8).toString('hex'))
  return dummyHash
}

export type ReadStaffSessionOptions = Clock & { db: Db; sessionId: string; policy?: StaffSessionPolicy }

/** @returns who the session belongs to (and marks it used), or null when unknown, idle too long or expired */
export const readStaffSession = async ({
  db,
  sessionId,
  policy = DEFAULT_STAFF_SESSION_POLICY,
  now = Date.now,
}: ReadStaffSessionOptions): Promise<StaffIdentity | null> => {
  const at = now()
  const idHash = digest(sessionId)
  const [row] = await db
    .select({ session: staffSessions, account: staffAccounts })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffSessions.accountId, staffAccounts.id))
    .where(eq(staffSessions.idHash, idHash))
  if (!row) return null
  const idle = at - row.session.lastSeenAt > policy.idleMinutes * 60_000
  if (idle || at > row.session.expiresAt || row.account.disabledAt) {
    await db.delete(staffSessions).where(eq(staffSessions.idHash, idHash))
    return null
  }
  await db.update(staffSessions).set({ lastSeenAt: at }).where(eq(staffSessions.idHash, idHash))
  const { id: accountId, email, name, role, mustChangePassword } = row.account
  return { accountId, email, name, role, mustChangePassword, csrfToken: row.session.csrfToken }
}

export const logOutStaff = async ({ db, sessionId }: { db: Db; sessionId: string }): Promise<void> => {
  await db.delete(staffSessions).where(eq(staffSessions.idHash, digest(sessionId)))
}

export type ChangeStaffPasswordOptions = {
  db: Db
  identity: StaffIdentity
  currentPassword: string
  newPassword: string
  /** The session that asked; every other session of the account ends. */
  sessionId: string
}

/** @throws AppError UNAUTHORIZED when the current password is wrong, BAD_REQUEST for a weak new one */
export const changeStaffPassword = async ({
  db,
  identity,
  currentPassword,
  newPassword,
  sessionId,
}: ChangeStaffPasswordOptions): Promise<void> => {
  if (newPassword.length < 12) throw new AppError('BAD_REQUEST', 'Mật khẩu mới cần ít nhất 12 ký tự.')
  if (newPassword === currentPassword)
    throw new AppError('BAD_REQUEST', 'Mật khẩu mới phải khác mật khẩu cũ.')
  const [account] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, identity.accountId))
  if (!account || !(await verifyPassword(currentPassword, account.passwordHash)))
    throw new AppError('UNAUTHORIZED', 'Mật khẩu hiện tại không đúng.')
  const passwordHash = await hashPassword(newPassword)
  const keep = digest(sessionId)
  await db.transaction(async (tx) => {
    await tx
      .update(staffAccounts)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(staffAccounts.id, account.id))
    await tx
      .delete(staffSessions)
      .where(and(eq(staffSessions.accountId, account.id), sql`${staffSessions.idHash} <> ${keep}`))
    await recordAudit(tx, {
      actor: `staff:${account.email}`,
      action: 'staff.password',
      entity: 'staff_account',
      entityId: account.id,
    })
  })
}
