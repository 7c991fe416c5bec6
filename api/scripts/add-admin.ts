/**
 * `npm run admins:add -- --email a@b.vn --name "Nguyễn Thị Lan" --role owner|editor|agent|viewer`:
 * creates a staff account for the console at /admin and prints its one-time password once
 * (it must be changed at first login; only a scrypt hash is stored).
 * @module
 */
import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import { createDb } from '../../knowledge/db/client.ts'
import { loadDatabaseSettings } from '../../knowledge/db/database-config.ts'
import { migrateDb } from '../../knowledge/db/migrate.ts'
import { createStaffAccount } from '../staff/create-staff-account.ts'

const USAGE =
  'Cách dùng: npm run admins:add -- --email a@b.vn --name "Họ tên" --role owner|editor|agent|viewer'

const main = async () => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  })
  if (!values.email || !values.name || !values.role) throw new Error(USAGE)
  const db = await createDb(loadDatabaseSettings())
  try {
    await migrateDb(db)
    const { account, oneTimePassword } = await createStaffAccount({
      db,
      actor: 'cli:admins:add',
      email: values.email,
      name: values.name,
      role: values.role as 'owner',
    })
    process.stdout.write(
      `Đã tạo tài khoản ${account.email} (${account.role}).\n` +
        `Mật khẩu dùng một lần (chỉ hiện lần này, đổi khi đăng nhập lần đầu tại /admin):\n${oneTimePassword}\n`,
    )
  } finally {
    db.$client.close()
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ZodError
      ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      : error instanceof Error
        ? error.message
        : String(error)
  process.stderr.write(`Không tạo được tài khoản: ${message}\n`)
  process.exitCode = 1
})
