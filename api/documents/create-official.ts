/**
 * Creates an official in one agency and an API token for them. Only the SHA-256 of the
 * token and its non-secret prefix (to name it when revoking) are stored; the token itself is
 * returned once. Tokens expire after `ttlDays` (OFFICIAL_TOKEN_TTL_DAYS, default 365).
 * @module
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { agencies, apiTokens, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { OFFICIAL_ROLES, type OfficialRole } from './official-roles.ts'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Length of the stored, printable token prefix: `tls_` and 8 of the 43 random characters. */
export const TOKEN_PREFIX_LENGTH = 12

export const DEFAULT_TOKEN_TTL_DAYS = 365

export type CreateOfficialOptions = {
  db: Db
  agencyCode: string
  name: string
  role: string
  email?: string | null | undefined
  /** the 12 digits of their citizen identity card (CCCD), if given: their certificates' serialNumber */
  nationalId?: string | null | undefined
  actor: string
  /** days until the token expires (OFFICIAL_TOKEN_TTL_DAYS) */
  ttlDays?: number
  now?: Date
}

/**
 * @returns the official and the API token (shown once)
 * @throws AppError 400 for an unknown role, 404 for an unknown agency
 */
export const createOfficial = async ({
  db,
  agencyCode,
  name,
  role,
  email,
  nationalId,
  actor,
  ttlDays = DEFAULT_TOKEN_TTL_DAYS,
  now = new Date(),
}: CreateOfficialOptions) => {
  if (!(OFFICIAL_ROLES as readonly string[]).includes(role)) {
    throw new AppError(
      'BAD_REQUEST',
      `role: vai trò "${role}" không có; chọn một trong ${OFFICIAL_ROLES.join(', ')}.`,
    )
  }
  if (nationalId && !/^\d{12}$/.test(nationalId)) {
    throw new AppError('BAD_REQUEST', 'nationalId: số căn cước công dân (CCCD) gồm đúng 12 chữ số.')
  }
  const agency = await db.select().from(agencies).where(eq(agencies.code, agencyCode)).get()
  if (!agency) throw new AppError('NOT_FOUND', `Không có cơ quan mã ${agencyCode}.`)
  const id = randomUUID()
  const token = `tls_${randomBytes(32).toString('base64url')}`
  const at = now.toISOString()
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000).toISOString()
  const tokenPrefix = token.slice(0, TOKEN_PREFIX_LENGTH)
  const clean = name.normalize('NFC').trim()
  await db.batch([
    db.insert(officials).values({
      id,
      agencyCode,
      name: clean,
      email: email ?? null,
      nationalId: nationalId || null,
      role,
      createdAt: at,
    }),
    db.insert(apiTokens).values({
      id: randomUUID(),
      officialId: id,
      tokenHash: hashToken(token),
      tokenPrefix,
      createdAt: at,
      expiresAt,
    }),
    recordAudit(db, {
      actor,
      action: 'official.create',
      entity: 'official',
      entityId: id,
      detail: { agencyCode, role },
      at,
    }),
  ])
  return {
    official: { id, name: clean, role: role as OfficialRole, agencyCode },
    token,
    tokenPrefix,
    expiresAt,
  }
}
