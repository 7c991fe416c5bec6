/**
 * The caller's own paperless figures over a period, computed from documents this server
 * verified, never from counters a client reports: documents with the sending agency's own
 * complete approval (valid approver and organisation signatures by its officials) and the
 * pages of paper they avoided (pages × recipients, without a paper copy), for the official
 * (documents they sent, or whose draft they approved as leader) and for their agency.
 * @module
 */
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { documentDrafts, documentRecipients, documents } from '../../knowledge/db/schema/documents.ts'
import type { Caller } from './authenticate-official.ts'
import { nextDay, resolvePeriod } from './get-paperless-stats.ts'

export type VerifiedFigures = { signedValid: number; paperAvoidedPages: number }

export const getMyPaperlessStats = async ({
  db,
  caller,
  from,
  to,
  now = new Date(),
}: {
  db: Db
  caller: Caller
  from?: string | undefined
  to?: string | undefined
  now?: Date
}): Promise<{ from: string; to: string; official: VerifiedFigures; agency: VerifiedFigures }> => {
  const { start, end } = resolvePeriod({ from, to, now })
  const verified = and(
    eq(documents.senderAgency, caller.agency.code),
    gte(documents.createdAt, start),
    lt(documents.createdAt, nextDay(end)),
    eq(documents.signatureStatus, 'signed_valid'),
    eq(documents.ownApproval, true),
  )
  const approved = db
    .select({ id: documentDrafts.documentId })
    .from(documentDrafts)
    .where(eq(documentDrafts.approverOfficialId, caller.official.id))
  const mine = or(eq(documents.senderOfficialId, caller.official.id), inArray(documents.id, approved))
  const figures = async (scope: ReturnType<typeof and>): Promise<VerifiedFigures> => {
    const [count] = await db.select({ n: sql<number>`count(*)` }).from(documents).where(scope)
    const [paper] = await db
      .select({ pages: sql<number>`coalesce(sum(${documents.pages}), 0)` })
      .from(documentRecipients)
      .innerJoin(documents, eq(documents.id, documentRecipients.documentId))
      .where(and(scope, eq(documents.paperCopy, false)))
    return { signedValid: Number(count?.n ?? 0), paperAvoidedPages: Number(paper?.pages ?? 0) }
  }
  return {
    from: start,
    to: end,
    official: await figures(and(verified, mine)),
    agency: await figures(verified),
  }
}
