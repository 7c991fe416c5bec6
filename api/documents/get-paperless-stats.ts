/**
 * Paperless figures per agency over a period: documents sent, how many carried the sending
 * agency's own complete approval — valid approver and organisation signatures, both by its
 * officials, checked by this server (the ratio shown as 39/369 = 10.57%) — pages of paper
 * avoided (pages × recipients, for documents sent without a paper copy) and the nudge
 * counters. Ranked by the signed ratio.
 * @module
 */
import { and, gte, lt, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import {
  agencies,
  documentRecipients,
  documents,
  nudgeCounters,
} from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'

/** `percent` is 0 when nothing was sent (0/0); readers show the fraction next to it. */
export type Ratio = { numerator: number; denominator: number; percent: number }

export type AgencyPaperlessStats = {
  agencyCode: string
  name: string
  sent: number
  /** documents with the agency's own complete approval (approver + organisation, its officials) */
  signedValid: number
  signedRatio: Ratio
  paperAvoidedPages: number
  nudges: { shown: number; accepted: number; overridden: number }
}

export const ratioOf = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  percent: denominator === 0 ? 0 : Math.round((numerator / denominator) * 10_000) / 100,
})

const day = (d: Date) => d.toISOString().slice(0, 10)
export const nextDay = (ymd: string) => day(new Date(Date.parse(`${ymd}T00:00:00Z`) + 86_400_000))

/**
 * The period's first and last day (defaults: 365 days ago, today).
 * @throws AppError 400 for a malformed or inverted period
 */
export const resolvePeriod = ({ from, to, now }: { from?: string; to?: string; now: Date }) => {
  const end = to ?? day(now)
  const start = from ?? day(new Date(now.getTime() - 365 * 86_400_000))
  for (const [field, v] of [
    ['from', start],
    ['to', end],
  ] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
      throw new AppError('BAD_REQUEST', `${field}: cần ngày dạng YYYY-MM-DD.`)
    }
  }
  if (start > end) throw new AppError('BAD_REQUEST', 'from phải trước hoặc bằng to.')
  return { start, end }
}

/**
 * @param from first day included (default: 365 days ago)
 * @param to last day included (default: today)
 * @throws AppError 400 for a malformed or inverted period
 */
export const getPaperlessStats = async ({
  db,
  from,
  to,
  now = new Date(),
}: {
  db: Db
  from?: string
  to?: string
  now?: Date
}) => {
  const { start, end } = resolvePeriod({ from, to, now })
  const period = and(gte(documents.createdAt, start), lt(documents.createdAt, nextDay(end)))
  const sent = await db
    .select({
      agencyCode: documents.senderAgency,
      sent: sql<number>`count(*)`,
      // only complete, own-agency approvals count: another agency's approver is not the sender's
      signedValid: sql<number>`sum(case when ${documents.signatureStatus} = 'signed_valid' and ${documents.ownApproval} = 1 then 1 else 0 end)`,
    })
    .from(documents)
    .where(period)
    .groupBy(documents.senderAgency)
  const paper = await db
    .select({
      agencyCode: documents.senderAgency,
      pages: sql<number>`sum(${documents.pages})`,
    })
    .from(documentRecipients)
    .innerJoin(documents, sql`${documents.id} = ${documentRecipients.documentId}`)
    .where(and(period, sql`${documents.paperCopy} = 0`))
    .groupBy(documents.senderAgency)
  const nudges = await db
    .select({
      agencyCode: nudgeCounters.agencyCode,
      shown: sql<number>`sum(${nudgeCounters.shown})`,
      accepted: sql<number>`sum(${nudgeCounters.accepted})`,
      overridden: sql<number>`sum(${nudgeCounters.overridden})`,
    })
    .from(nudgeCounters)
    .where(and(gte(nudgeCounters.day, start), lt(nudgeCounters.day, nextDay(end))))
    .groupBy(nudgeCounters.agencyCode)
  const all = await db.select({ code: agencies.code, name: agencies.name }).from(agencies)
  const rows: AgencyPaperlessStats[] = all
    .map((a) => {
      const s = sent.find((x) => x.agencyCode === a.code)
      const n = nudges.find((x) => x.agencyCode === a.code)
      const sentCount = Number(s?.sent ?? 0)
      const valid = Number(s?.signedValid ?? 0)
      return {
        agencyCode: a.code,
        name: a.name,
        sent: sentCount,
        signedValid: valid,
        signedRatio: ratioOf(valid, sentCount),
        paperAvoidedPages: Number(paper.find((x) => x.agencyCode === a.code)?.pages ?? 0),
        nudges: {
          shown: Number(n?.shown ?? 0),
          accepted: Number(n?.accepted ?? 0),
          overridden: Number(n?.overridden ?? 0),
        },
      }
    })
    .filter((r) => r.sent > 0 || r.nudges.shown + r.nudges.accepted + r.nudges.overridden > 0)
    .sort(
      (a, b) =>
        b.signedRatio.percent - a.signedRatio.percent ||
        b.sent - a.sent ||
        a.agencyCode.localeCompare(b.agencyCode),
    )
  return { from: start, to: end, agencies: rows }
}
