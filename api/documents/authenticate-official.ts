/**
 * Bearer-token authentication of officials: the token's SHA-256 is looked up, never the
 * token itself.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { agencies, apiTokens, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { hashToken } from './create-official.ts'

export type Caller = {
  official: { id: string; name: string; role: string }
  agency: { code: string; name: string }
}

/**
 * @param authorization the Authorization header
 * @throws AppError 401 when it is missing, malformed, unknown or revoked
 */
export const authenticateOfficial = async ({
  db,
  authorization,
}: {
  db: Db
  authorization: string | undefined
}): Promise<Caller> => {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  if (!token) throw new AppError('UNAUTHORIZED', 'Thiếu mã truy cập: gửi Authorization: Bearer <token>.')
  const row = await db
    .select({
      id: officials.id,
      name: officials.name,
      role: officials.role,
      code: agencies.code,
      agencyName: agencies.name,
    })
    .from(apiTokens)
    .innerJoin(officials, eq(officials.id, apiTokens.officialId))
    .innerJoin(agencies, eq(agencies.code, officials.agencyCode))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .get()
  if (!row) throw new AppError('UNAUTHORIZED', 'Mã truy cập không hợp lệ hoặc đã bị thu hồi.')
  return {
    official: { id: row.id, name: row.name, role: row.role },
    agency: { code: row.code, name: row.agencyName },
  }
}
