/**
 * Staff accounts ready to sign in: created the way `npm run admins:add` creates them, then
 * given a known password with the one-time change already done.
 * @module
 */
import { eq } from 'drizzle-orm'
import { createStaffAccount } from '../../api/staff/create-staff-account.ts'
import { hashPassword } from '../../api/staff/hash-password.ts'
import type { Db } from '../../knowledge/db/client.ts'
import { staffAccounts } from '../../knowledge/db/schema/index.ts'

type Role = Parameters<typeof createStaffAccount>[0]['role']

export const addStaffAccounts = async ({
  db,
  password,
  accounts,
}: {
  db: Db
  password: string
  accounts: ReadonlyArray<{ email: string; name: string; role: Role }>
}) => {
  const passwordHash = await hashPassword(password)
  for (const { email, name, role } of accounts) {
    await createStaffAccount({ db, actor: 'test', email, name, role })
    await db
      .update(staffAccounts)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(staffAccounts.email, email))
  }
}
