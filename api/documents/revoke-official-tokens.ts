/**
 * Revokes API tokens: every active token of one official, or the one token a prefix (as
 * printed when it was issued) or the whole token names. The next request with a revoked
 * token gets 401; the revocation is audited.
 * @module
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { apiTokens, certificates, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { hashToken, TOKEN_PREFIX_LENGTH } from './create-official.ts'

export type RevokedOfficial = { id: string; name: string; role: string; agencyCode: string }

export type RevokeOfficialTokensOptions = {
  db: Db
  /** the official whose tokens are all revoked */
  officialId?: string | undefined
  /** a printed token prefix (`tls_` + 8 characters) or the whole token */
  tokenPrefix?: string | undefined
  actor: string
  /** checks the caller's authority over the official found; throws to refuse */
  authorize?: (official: RevokedOfficial) => void
  now?: Date
}

const findByToken = async (db: Db, given: string) => {
  const text = given.trim()
  if (text.length < TOKEN_PREFIX_LENGTH) {
    throw new AppError(
      'BAD_REQUEST',
      `token-prefix: cần ít nhất ${TOKEN_PREFIX_LENGTH} ký tự đầu của mã truy cập (ví dụ tls_AbCd1234).`,
    )
  }
  const where =
    text.length === TOKEN_PREFIX_LENGTH
      ? eq(apiTokens.tokenPrefix, text)
      : eq(apiTokens.tokenHash, hashToken(text))
  const rows = await db
    .select({ id: apiTokens.id, officialId: apiTokens.officialId })
    .from(apiTokens)
    .where(where)
  if (rows.length === 0)
    throw new AppError(
      'NOT_FOUND',
      `Không có mã truy cập nào bắt đầu bằng ${text.slice(0, TOKEN_PREFIX_LENGTH)}.`,
    )
  if (rows.length > 1)
    throw new AppError(
      'CONFLICT',
      `Có ${rows.length} mã truy cập cùng tiền tố ${text}: hãy thu hồi theo cán bộ (--official).`,
    )
  return rows[0]!
}

/**
 * @returns the official and how many tokens were revoked now (0 when all already were)
 * @throws AppError 400 without a target, 404 for an unknown official or token, 409 for an ambiguous prefix
 */
export const revokeOfficialTokens = async ({
  db,
  officialId,
  tokenPrefix,
  actor,
  authorize,
  now = new Date(),
}: RevokeOfficialTokensOptions) => {
  if (!officialId && !tokenPrefix)
    throw new AppError('BAD_REQUEST', 'Hãy nêu cán bộ (--official <id>) hoặc mã truy cập (--token-prefix …).')
  const token = tokenPrefix ? await findByToken(db, tokenPrefix) : null
  const id = token?.officialId ?? officialId ?? ''
  const official = await db
    .select({
      id: officials.id,
      name: officials.name,
      role: officials.role,
      agencyCode: officials.agencyCode,
    })
    .from(officials)
    .where(eq(officials.id, id))
    .get()
  if (!official) throw new AppError('NOT_FOUND', `Không có cán bộ mã ${id}.`)
  authorize?.(official)
  const at = now.toISOString()
  const active = and(
    token ? eq(apiTokens.id, token.id) : eq(apiTokens.officialId, official.id),
    isNull(apiTokens.revokedAt),
  )
  const revoked = await db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: at, revokedBy: actor })
      .where(active)
      .returning({ prefix: apiTokens.tokenPrefix })
    // revoking the official (not one lost token) also revokes their certificates: they appear on the CA's CRL
    const certs = token
      ? []
      : await tx
          .update(certificates)
          .set({ revokedAt: at })
          .where(and(eq(certificates.officialId, official.id), isNull(certificates.revokedAt)))
          .returning({ serial: certificates.serial })
    const detail = {
      revoked: rows.length,
      prefixes: rows.map((r) => r.prefix),
      certificates: certs.map((c) => c.serial),
    }
    await recordAudit(tx, {
      actor,
      action: 'official.revoke_tokens',
      entity: 'official',
      entityId: official.id,
      detail,
      at,
    })
    return { tokens: rows.length, certificates: certs.map((c) => c.serial) }
  })
  return {
    official,
    revoked: revoked.tokens,
    revokedCertificates: revoked.certificates,
    revokedAt: at,
  }
}
