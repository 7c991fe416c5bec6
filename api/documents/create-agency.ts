/**
 * Registers an agency by its QCVN 102:2016 code, with its parent when there is one.
 * @module
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { agencies } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { validateAgencyCode } from './validate-agency-code.ts'

export type CreateAgencyOptions = {
  db: Db
  code: string
  name: string
  parentCode?: string | null | undefined
  /** edXML From/To contact details (QCVN 102:2016 Organization) */
  contact?: AgencyContact | undefined
  actor: string
  /** return the existing agency instead of failing (the officials:add script) */
  ifExists?: 'fail' | 'keep'
}

export type Agency = { code: string; name: string; parentCode: string | null }

export type AgencyContact = {
  organizationInCharge?: string | undefined
  address?: string | undefined
  email?: string | undefined
  telephone?: string | undefined
  fax?: string | undefined
  website?: string | undefined
}

/**
 * @throws AppError 400 for a malformed code, 422 for an unknown parent, 409 when the code is taken
 */
export const createAgency = async ({
  db,
  code: rawCode,
  name,
  parentCode,
  contact = {},
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
  const details = Object.fromEntries(
    Object.entries(contact)
      .map(([k, v]) => [k, v?.normalize('NFC').trim()])
      .filter(([, v]) => v),
  ) as AgencyContact
  await db.batch([
    db.insert(agencies).values({ code, name: clean, parentCode: parent, createdAt: at, ...details }),
    recordAudit(db, {
      actor,
      action: 'agency.create',
      entity: 'agency',
      entityId: code,
      detail: { name: clean, parentCode: parent, ...details },
      at,
    }),
  ])
  return { code, name: clean, parentCode: parent } satisfies Agency
}
