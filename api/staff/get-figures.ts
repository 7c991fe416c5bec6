/**
 * The figures staff watch: questions per day and channel, how they were answered (answer,
 * clarify, not found …), the wrong-answer signals (answers rated not useful, and citizens asking
 * for a person right after an answer), the procedures
 * asked most, the most repeated unanswered questions and the hand-off waiting times (from a
 * ticket opening within staff hours to an agent claiming it), over a period (Vietnam's
 * calendar days, UTC+7).
 * @module
 */
import { and, desc, eq, exists, gte, isNotNull, lt, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../knowledge/db/client.ts'
import { handoffs, interactions, unansweredQuestions } from '../../knowledge/db/schema/index.ts'

const VN_OFFSET_MS = 7 * 3_600_000
/** A request for a person this soon after an answer says the answer did not help. */
export const AFTER_ANSWER_MINUTES = 30
const DAY_MS = 86_400_000

export type Figures = {
  from: string
  to: string
  total: number
  byDay: { day: string; channel: string; count: number }[]
  byKind: { kind: string; count: number; share: number }[]
  notUseful: { count: number; ofAnswers: number; share: number }
  /** Requests for a person (hand-offs) within AFTER_ANSWER_MINUTES of an answer in the same conversation. */
  handoffAfterAnswer: { count: number; ofAnswers: number; share: number }
  useful: number
  topProcedures: { code: string; name: string | null; count: number }[]
  topUnanswered: { text: string; count: number; channel: string; status: string }[]
  /** Hand-offs opened in the period; waits (seconds) of those opened within staff hours and claimed. */
  handoffs: {
    count: number
    outsideHours: number
    claimed: number
    waitSeconds: { median: number; p90: number; max: number } | null
  }
}

/** The value at fraction `q` of sorted numbers (nearest rank). */
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0

/** Midnight (UTC+7) of a YYYY-MM-DD day, in epoch milliseconds. */
export const vietnamDayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`) - VN_OFFSET_MS

export type GetFiguresOptions = {
  db: Db
  /** First day (YYYY-MM-DD, UTC+7), inclusive. */
  from: string
  /** Last day (YYYY-MM-DD, UTC+7), inclusive. */
  to: string
  procedureName?: (code: string) => string | null
}

export const getFigures = async ({
  db,
  from,
  to,
  procedureName = () => null,
}: GetFiguresOptions): Promise<Figures> => {
  const start = vietnamDayStart(from)
  const end = vietnamDayStart(to) + DAY_MS
  const inPeriod = and(gte(interactions.createdAt, start), lt(interactions.createdAt, end))
  const day = sql<string>`strftime('%Y-%m-%d', (${interactions.createdAt} + ${VN_OFFSET_MS}) / 1000, 'unixepoch')`
  const earlier = alias(interactions, 'earlier')
  const [byDay, byKind, feedback, topProcedures, topUnanswered, tickets, afterAnswer] = await Promise.all([
    db
      .select({ day, channel: interactions.channel, count: sql<number>`count(*)` })
      .from(interactions)
      .where(inPeriod)
      .groupBy(day, interactions.channel)
      .orderBy(day, interactions.channel),
    db
      .select({ kind: interactions.kind, count: sql<number>`count(*)` })
      .from(interactions)
      .where(inPeriod)
      .groupBy(interactions.kind)
      .orderBy(desc(sql`count(*)`)),
    db
      .select({ feedback: interactions.feedback, count: sql<number>`count(*)` })
      .from(interactions)
      .where(and(inPeriod, isNotNull(interactions.feedback)))
      .groupBy(interactions.feedback),
    db
      .select({ code: interactions.procedureCode, count: sql<number>`count(*)` })
      .from(interactions)
      .where(and(inPeriod, eq(interactions.kind, 'answer'), isNotNull(interactions.procedureCode)))
      .groupBy(interactions.procedureCode)
      .orderBy(desc(sql`count(*)`))
      .limit(10),
    db
      .select({
        text: unansweredQuestions.text,
        count: unansweredQuestions.count,
        channel: unansweredQuestions.channel,
        status: unansweredQuestions.status,
      })
      .from(unansweredQuestions)
      .where(and(gte(unansweredQuestions.createdAt, start), lt(unansweredQuestions.createdAt, end)))
      .orderBy(desc(unansweredQuestions.count), desc(unansweredQuestions.id))
      .limit(10),
    db
      .select({
        createdAt: handoffs.createdAt,
        claimedAt: handoffs.claimedAt,
        outsideHours: handoffs.outsideHours,
      })
      .from(handoffs)
      .where(and(gte(handoffs.createdAt, start), lt(handoffs.createdAt, end))),
    db
      .select({ count: sql<number>`count(*)` })
      .from(interactions)
      .where(
        and(
          inPeriod,
          eq(interactions.kind, 'contact'),
          exists(
            db
              .select({ one: sql`1` })
              .from(earlier)
              .where(
                and(
                  eq(earlier.sessionId, interactions.sessionId),
                  eq(earlier.kind, 'answer'),
                  lt(earlier.createdAt, interactions.createdAt),
                  gte(earlier.createdAt, sql`${interactions.createdAt} - ${AFTER_ANSWER_MINUTES * 60_000}`),
                ),
              ),
          ),
        ),
      ),
  ])
  const waits = tickets
    .filter((t) => !t.outsideHours && t.claimedAt !== null)
    .map((t) => Math.round(((t.claimedAt ?? 0) - t.createdAt) / 1000))
    .sort((a, b) => a - b)
  const total = byKind.reduce((sum, row) => sum + row.count, 0)
  const answers = byKind.find((row) => row.kind === 'answer')?.count ?? 0
  const notUseful = feedback.find((row) => row.feedback === 'not_useful')?.count ?? 0
  const ratio = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 1000)
  return {
    from,
    to,
    total,
    byDay,
    byKind: byKind.map((row) => ({ ...row, share: ratio(row.count, total) })),
    notUseful: { count: notUseful, ofAnswers: answers, share: ratio(notUseful, answers) },
    handoffAfterAnswer: {
      count: afterAnswer[0]?.count ?? 0,
      ofAnswers: answers,
      share: ratio(afterAnswer[0]?.count ?? 0, answers),
    },
    useful: feedback.find((row) => row.feedback === 'useful')?.count ?? 0,
    topProcedures: topProcedures.map((row) => ({
      code: row.code!,
      name: procedureName(row.code!),
      count: row.count,
    })),
    topUnanswered,
    handoffs: {
      count: tickets.length,
      outsideHours: tickets.filter((t) => t.outsideHours).length,
      claimed: tickets.filter((t) => t.claimedAt !== null).length,
      waitSeconds: waits.length
        ? { median: quantile(waits, 0.5), p90: quantile(waits, 0.9), max: waits.at(-1) ?? 0 }
        : null,
    },
  }
}

const csvCell = (value: string | number) => {
  const text = String(value)
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The figures as CSV (UTF-8 with BOM, so spreadsheets read the Vietnamese right). */
export const figuresToCsv = (figures: Figures): string => {
  const rows: (string | number)[][] = [
    ['bang', 'ngay', 'kenh_hoac_loai', 'ma_hoac_noi_dung', 'so_luong', 'ty_le'],
  ]
  for (const r of figures.byDay) rows.push(['theo_ngay', r.day, r.channel, '', r.count, ''])
  for (const r of figures.byKind) rows.push(['theo_loai', '', r.kind, '', r.count, r.share])
  rows.push(['khong_huu_ich', '', 'answer', '', figures.notUseful.count, figures.notUseful.share])
  const after = figures.handoffAfterAnswer
  rows.push(['gap_can_bo_sau_tra_loi', '', 'answer', '', after.count, after.share])
  for (const r of figures.topProcedures)
    rows.push(['thu_tuc_hoi_nhieu', '', '', `${r.code} ${r.name ?? ''}`.trim(), r.count, ''])
  for (const r of figures.topUnanswered) rows.push(['chua_tra_loi', '', r.channel, r.text, r.count, ''])
  const h = figures.handoffs
  rows.push(['chuyen_can_bo', '', 'tong', '', h.count, ''])
  rows.push(['chuyen_can_bo', '', 'ngoai_gio', '', h.outsideHours, ''])
  rows.push(['chuyen_can_bo', '', 'da_nhan', '', h.claimed, ''])
  if (h.waitSeconds)
    for (const [name, value] of Object.entries(h.waitSeconds))
      rows.push(['cho_can_bo_giay', '', name, '', value, ''])
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
