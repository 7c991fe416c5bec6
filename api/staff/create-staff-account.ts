/**
 * Creates a named staff account with a one-time password that must be changed at first login.
 * @module
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { STAFF_ROLES, type StaffRole, staffAccounts } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { generateOneTimePassword, hashPassword } from './hash-password.ts'

export const ZNewStaffAccount = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'e-mail không hợp lệ' })),
  name: z.string().trim().min(1, 'cần họ tên').max(120),
  role: z.enum(STAFF_ROLES, { error: `vai trò phải là một trong: ${STAFF_ROLES.join(', ')}` }),
})

export type StaffAccountView = {
  id: number
  email: string
  name: string
  role: StaffRole
  mustChangePassword: boolean
}

export type CreateStaffAccountOptions = z.infer<typeof ZNewStaffAccount> & {
  db: Db
  actor: string
  now?: Date
}

/**
 * @returns the account and its one-time password (shown once, never stored in clear)
 * @throws AppError CONFLICT when the e-mail already has an account
 */
export const createStaffAccount = async ({
  db,
  actor,
  now = new Date(),
  ...input
}: CreateStaffAccountOptions): Promise<{ account: StaffAccountView; oneTimePassword: string }> => {
  const { email, name, role } = ZNewStaffAccount.parse(input)
  const existing = await db
    .select({ id: staffAccounts.id })
    .from(staffAccounts)
    .where(eq(staffAccounts.email, email))
  if (existing[0]) throw new AppError('CONFLICT', `Đã có tài khoản ${email}.`)
  const oneTimePassword = generateOneTimePassword()
  const passwordHash = await hashPassword(oneTimePassword)
  const at = now.toISOString()
  const account = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffAccounts)
      .values({ email, name, role, passwordHash, mustChangePassword: true, createdAt: at })
      .returning()
    await recordAudit(tx, {
      actor,
      action: 'staff.create',
      entity: 'staff_account',
      entityId: row!.id,
      detail: { email, role },
      at,
    })
    return row!
  })
  return {
    account: { id: account.id, email, name, role, mustChangePassword: true },
    oneTimePassword,
  }
}
