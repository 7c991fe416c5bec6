/**
 * Retention of the citizens' chat data. After `conversationDays` a conversation's traces go:
 * the masked question text and session of each interaction are blanked (what remains is an
 * anonymous count: channel, kind, procedure, facet, feedback, day), unanswered questions
 * last asked before then, undelivered messages, Zalo reply-window rows and hand-off tickets
 * (closed, or left open, before then, with their messages) are deleted. After
 * `countsDays` the anonymous interaction rows go too. Expired sessions, webhook event ids
 * older than a week and idle rate-limit buckets (a chat user's after a day, an HTTP client's
 * after a minute) are deleted as well. Work is done in chunks
 * so a large backlog never holds the database for long.
 * @module
 */
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { REQUEST_STALE_MS, STALE_MS } from './rate-limit.ts'
import { EVENT_IDS_KEEP_MS } from './seen-events.ts'

export type RetentionSettings = {
  /** Days masked conversation data is kept. */
  conversationDays: number
  /** Days anonymous interaction counts are kept. */
  countsDays: number
}

export type PruneResult = {
  interactionsAnonymised: number
  interactionsDeleted: number
  unansweredDeleted: number
  undeliveredDeleted: number
  sessionsDeleted: number
  eventIdsDeleted: number
  channelUsersDeleted: number
  rateBucketsDeleted: number
  requestBucketsDeleted: number
  handoffsDeleted: number
}

const DAY_MS = 86_400_000
const CHUNK = 2000

/** Runs `statement(limit)` until it touches fewer than a chunk of rows. */
const inChunks = async (db: Db, statement: (limit: number) => SQL) => {
  let total = 0
  for (;;) {
    const { rowsAffected } = await db.run(statement(CHUNK))
    total += rowsAffected
    if (rowsAffected < CHUNK) return total
  }
}

const deleteWhere = (db: Db, table: string, where: SQL) =>
  inChunks(
    db,
    (limit) =>
      sql`DELETE FROM ${sql.identifier(table)} WHERE rowid IN (SELECT rowid FROM ${sql.identifier(table)} WHERE ${where} LIMIT ${limit})`,
  )

/** Hand-off tickets closed (or last opened) before `before`, their messages first. */
const deleteHandoffs = async (db: Db, before: number) => {
  await inChunks(
    db,
    (limit) =>
      sql`DELETE FROM handoff_messages WHERE rowid IN (SELECT m.rowid FROM handoff_messages m JOIN handoffs h ON h.id = m.handoff_id WHERE coalesce(h.closed_at, h.created_at) < ${before} LIMIT ${limit})`,
  )
  return deleteWhere(db, 'handoffs', sql`coalesce(closed_at, created_at) < ${before}`)
}

/**
 * @param options.now the current time in ms (tests pass their own)
 * @returns how many rows each step changed
 */
export const pruneRetention = async ({
  db,
  retention,
  now,
}: {
  db: Db
  retention: RetentionSettings
  now: number
}): Promise<PruneResult> => {
  const conversations = now - retention.conversationDays * DAY_MS
  const counts = now - retention.countsDays * DAY_MS
  const interactionsAnonymised = await inChunks(
    db,
    (limit) =>
      sql`UPDATE interactions SET text = '', session_id = '' WHERE rowid IN (SELECT rowid FROM interactions WHERE created_at < ${conversations} AND (text != '' OR session_id != '') LIMIT ${limit})`,
  )
  return {
    interactionsAnonymised,
    interactionsDeleted: await deleteWhere(db, 'interactions', sql`created_at < ${counts}`),
    unansweredDeleted: await deleteWhere(
      db,
      'unanswered_questions',
      sql`coalesce(last_asked_at, created_at) < ${conversations}`,
    ),
    undeliveredDeleted: await deleteWhere(db, 'undelivered_messages', sql`created_at < ${conversations}`),
    sessionsDeleted: await deleteWhere(db, 'chat_sessions', sql`expires_at < ${now}`),
    eventIdsDeleted: await deleteWhere(db, 'processed_events', sql`received_at < ${now - EVENT_IDS_KEEP_MS}`),
    channelUsersDeleted: await deleteWhere(db, 'channel_users', sql`last_inbound_at < ${conversations}`),
    rateBucketsDeleted: await deleteWhere(db, 'chat_rate_limits', sql`at < ${now - STALE_MS}`),
    requestBucketsDeleted: await deleteWhere(db, 'request_limits', sql`at < ${now - REQUEST_STALE_MS}`),
    handoffsDeleted: await deleteHandoffs(db, conversations),
  }
}
