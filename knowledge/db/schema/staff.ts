/**
 * The staff who keep the knowledge base right: named accounts with a role, their console
 * sessions (only a digest of the session id is stored) and failed-login counters shared by
 * every process.
 * @module
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { epochMs, isoTime, serialId } from './columns.ts'

export const STAFF_ROLES = ['owner', 'editor', 'agent', 'viewer'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const staffAccounts = sqliteTable('staff_accounts', {
  id: serialId(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<StaffRole>().notNull(),
  /** `scrypt$N$r$p$salt$hash` (base64url). */
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull(),
  createdAt: isoTime('created_at'),
  disabledAt: text('disabled_at'),
})

export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    /** SHA-256 of the cookie value. */
    idHash: text('id_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => staffAccounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: epochMs('created_at'),
    lastSeenAt: epochMs('last_seen_at'),
    expiresAt: epochMs('expires_at'),
  },
  (t) => [index('staff_sessions_account_idx').on(t.accountId)],
)

/** Failed logins per e-mail and per client address within the current window. */
export const staffLoginFailures = sqliteTable('staff_login_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start').notNull(),
})
