/**
 * Registers an agency by its QCVN 102:2016 code, with its parent when there is one.
 * @module
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { agencies } from '../../knowledge/db/schema/documents.ts'
import { auditLog } from '../../knowledge/db/schema/procedures.ts'
import { AppError } from '../../knowledge/errors.ts'
import { validateAgencyCode } from './validate-agency-code.ts'

export type CreateAgencyOptions = {
  db: Db
  code: string
  name: string
  parentCode?: string | null | undefined
  actor: string
  /** return the existing agency instead of failing (the officials:add script) */
  ifExists?: 'fail' | 'keep'
}

export type Agency = { code: string; name: string; parentCode: string | null }

/**
 * @throws AppError 400 for a malformed code, 422 for an unknown parent, 409 when the code is taken
 */
export const createAgency = async ({
  db,
  code: rawCode,
  name,
  parentCode,
  actor,
  ifExists = 'fail',
}: CreateAgencyOptions) => {
  const code = validateAgencyCode(rawCode)
  const parent = parentCode ? validateAgencyCode(parentCode, 'parentCode') : null
  const existing = await db.select().from(agencies).where(eq(agencies.code, code)).get()
  if (existing) {
    if (ifExists === 'keep')
      return { code, name: existing.name, parentCode: existing.parentCode } satisfies Agency
    throw new AppError('CONFLICT', `Mã cơ quan ${code} đã được đăng ký (${existing.name}).`)
  }
  if (parent && !(await db.select().from(agencies).where(eq(agencies.code, parent)).get())) {
    throw new AppError('UNPROCESSABLE', `parentCode: chưa có cơ quan cấp trên mã ${parent}.`)
  }
  const at = new Date().toISOString()
  const clean = name.normalize('NFC').trim()
  await db.batch([
    db.insert(agencies).values({ code, name: clean, parentCode: parent, createdAt: at }),
    db.insert(auditLog).values({
      actor,
      action: 'agency.create',
      entity: 'agency',
      entityId: code,
      detail: { name: clean, parentCode: parent },
      at,
    }),
  ])
  return { code, name: clean, parentCode: parent } satisfies Agency
}
