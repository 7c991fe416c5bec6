/**
 * Bearer-token authentication of officials: the token's SHA-256 is looked up, never the
 * token itself. A revoked or expired token is refused on the very next request (no cache).
 * @module
 */
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { agencies, apiTokens, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { hashToken } from './create-official.ts'

export type Caller = {
  official: { id: string; name: string; role: string }
  agency: { code: string; name: string }
}

const callerQuery = (db: Db) =>
  db
    .select({
      id: officials.id,
      name: officials.name,
      role: officials.role,
      code: agencies.code,
      agencyName: agencies.name,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .innerJoin(officials, eq(officials.id, apiTokens.officialId))
    .innerJoin(agencies, eq(agencies.code, officials.agencyCode))
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .prepare()

/**
 * Built once per app (by the documents routes' middleware): every request of an official runs
 * the caller query, so its SQL is prepared once, here, not per request.
 * @returns a function that authenticates an Authorization header
 */
export const createOfficialAuthenticator = ({ db }: { db: Db }) => {
  let query: ReturnType<typeof callerQuery> | undefined
  /**
   * @param authorization the Authorization header
   * @throws AppError 401 when it is missing, malformed, unknown or revoked
   */
  return async ({
    authorization,
    now = new Date(),
  }: {
    authorization: string | undefined
    now?: Date
  }): Promise<Caller> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
    if (!token) throw new AppError('UNAUTHORIZED', 'Thiếu mã truy cập: gửi Authorization: Bearer <token>.')
    query ??= callerQuery(db)
    const row = await query.get({ tokenHash: hashToken(token) })
    if (!row) throw new AppError('UNAUTHORIZED', 'Mã truy cập không hợp lệ.')
    if (row.revokedAt)
      throw new AppError(
        'UNAUTHORIZED',
        `Mã truy cập đã bị thu hồi lúc ${row.revokedAt}. Hãy xin quản trị cơ quan cấp mã mới.`,
      )
    if (row.expiresAt && row.expiresAt <= now.toISOString())
      throw new AppError(
        'UNAUTHORIZED',
        `Mã truy cập đã hết hạn lúc ${row.expiresAt}. Hãy xin quản trị cơ quan cấp mã mới.`,
      )
    return {
      official: { id: row.id, name: row.name, role: row.role },
      agency: { code: row.code, name: row.agencyName },
    }
  }
}
