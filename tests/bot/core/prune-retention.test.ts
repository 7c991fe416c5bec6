import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/config.ts'
import { pruneRetention } from '../../../bot/core/prune-retention.ts'
import { startRetention } from '../../../bot/core/start-retention.ts'
import {
  channelUsers,
  chatSessions,
  handoffMessages,
  handoffs,
  interactions,
  processedEvents,
  requestLimits,
  unansweredQuestions,
  undeliveredMessages,
} from '../../../knowledge/db/schema/index.ts'
import { createLogger } from '../../../platform/logger.ts'
import { useTestDb } from '../../helpers/create-test-db.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 1)
const ago = (days: number) => NOW - days * DAY
const retention = { conversationDays: 90, countsDays: 365 }

const t = useTestDb({ each: true })

const interaction = (id: string, days: number) => ({
  id,
  sessionId: `web:session-${id}`,
  channel: 'web',
  text: `câu hỏi ${id}`,
  kind: 'answer',
  procedureCode: '1.014064',
  facet: 'fees',
  feedback: 'useful',
  createdAt: ago(days),
})

const seed = async () => {
  await t.db
    .insert(interactions)
    .values([interaction('fresh', 10), interaction('old', 100), interaction('ancient', 400)])
  await t.db.insert(unansweredQuestions).values([
    { channel: 'web', text: 'hỏi cũ', reason: 'not_found', createdAt: ago(100), lastAskedAt: ago(100) },
    {
      channel: 'web',
      text: 'hỏi lại gần đây',
      reason: 'not_found',
      createdAt: ago(100),
      lastAskedAt: ago(5),
    },
    { channel: 'web', text: 'trước khi đếm', reason: 'not_found', createdAt: ago(95) },
  ])
  await t.db.insert(undeliveredMessages).values([
    { channel: 'zalo', recipient: 'u1', payload: {}, reason: 'window', createdAt: ago(100) },
    { channel: 'zalo', recipient: 'u2', payload: {}, reason: 'window', createdAt: ago(10) },
  ])
  await t.db.insert(processedEvents).values([
    { id: 'zalo:old', receivedAt: ago(8) },
    { id: 'zalo:new', receivedAt: ago(1) },
  ])
  await t.db.insert(chatSessions).values([
    { id: 'web:gone', channel: 'web', state: {}, updatedAt: ago(1), expiresAt: NOW - 1 },
    { id: 'web:live', channel: 'web', state: {}, updatedAt: NOW, expiresAt: NOW + 60_000 },
  ])
  await t.db.insert(channelUsers).values([
    { id: 'zalo:old', channel: 'zalo', lastInboundAt: ago(100) },
    { id: 'zalo:new', channel: 'zalo', lastInboundAt: ago(1) },
  ])
  const [old, recent] = await t.db
    .insert(handoffs)
    .values([
      { channel: 'web', userId: 's-old', status: 'closed', createdAt: ago(120), closedAt: ago(100) },
      { channel: 'web', userId: 's-recent', status: 'closed', createdAt: ago(120), closedAt: ago(10) },
    ])
    .returning()
  await t.db.insert(handoffMessages).values([
    { handoffId: old!.id, from: 'citizen', text: 'cũ', createdAt: ago(120) },
    { handoffId: recent!.id, from: 'citizen', text: 'còn giữ', createdAt: ago(120) },
  ])
  // HTTP request buckets refill within a minute: one idle for longer is full again.
  await t.db.insert(requestLimits).values([
    { key: 'idle-bucket', tokens: 3, at: NOW - 61_000, granted: 1 },
    { key: 'busy-bucket', tokens: 0, at: NOW - 5_000, granted: 0 },
  ])
}

describe('pruneRetention', () => {
  it('anonymises conversations past their retention, deletes counts past theirs, and keeps the rest', async () => {
    await seed()
    const result = await pruneRetention({ db: t.db, retention, now: NOW })
    expect(result).toEqual({
      interactionsAnonymised: 2,
      interactionsDeleted: 1,
      unansweredDeleted: 2,
      undeliveredDeleted: 1,
      sessionsDeleted: 1,
      eventIdsDeleted: 1,
      channelUsersDeleted: 1,
      rateBucketsDeleted: 0,
      requestBucketsDeleted: 1,
      handoffsDeleted: 1,
    })
    expect((await t.db.select().from(requestLimits)).map((r) => r.key)).toEqual(['busy-bucket'])
    expect((await t.db.select().from(handoffs)).map((r) => r.userId)).toEqual(['s-recent'])
    expect((await t.db.select().from(handoffMessages)).map((r) => r.text)).toEqual(['còn giữ'])
    const rows = await t.db.select().from(interactions).orderBy(interactions.createdAt)
    expect(rows).toEqual([{ ...interaction('old', 100), text: '', sessionId: '' }, interaction('fresh', 10)])
    expect((await t.db.select().from(unansweredQuestions)).map((r) => r.text)).toEqual(['hỏi lại gần đây'])
    expect((await t.db.select().from(undeliveredMessages)).map((r) => r.recipient)).toEqual(['u2'])
    expect((await t.db.select().from(processedEvents)).map((r) => r.id)).toEqual(['zalo:new'])
    expect((await t.db.select().from(chatSessions)).map((r) => r.id)).toEqual(['web:live'])
    expect((await t.db.select().from(channelUsers)).map((r) => r.id)).toEqual(['zalo:new'])
    // A second run has nothing left to do.
    expect(Object.values(await pruneRetention({ db: t.db, retention, now: NOW }))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ])
  })

  it('follows the configured number of days', async () => {
    await seed()
    await pruneRetention({ db: t.db, retention: { conversationDays: 5, countsDays: 50 }, now: NOW })
    const rows = await t.db.select().from(interactions)
    expect(rows.map((r) => [r.id, r.text])).toEqual([['fresh', '']])
  })

  it('works through a large backlog in chunks', async () => {
    await t.db.$client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4500)
        INSERT INTO interactions (id, session_id, channel, text, kind, created_at)
        SELECT 'bulk' || i, 'web:s' || i, 'web', 'câu hỏi', 'answer', ? FROM n`,
      args: [ago(120)],
    })
    const result = await pruneRetention({ db: t.db, retention, now: NOW })
    expect(result.interactionsAnonymised).toBe(4500)
    const left = await t.db.$client.execute("SELECT count(*) AS n FROM interactions WHERE text != ''")
    expect(left.rows[0]!['n']).toBe(0)
  })
})

describe('startRetention', () => {
  it('prunes on every interval tick with the injected clock, and stops', async () => {
    await seed()
    const ticks: (() => void)[] = []
    let cancelled = false
    const logged: string[] = []
    const running = startRetention({
      db: t.db,
      log: createLogger('info', (line) => logged.push(line)),
      retention,
      clock: () => NOW,
      intervalMs: 3_600_000,
      timer: {
        every: (ms, run) => {
          expect(ms).toBe(3_600_000)
          ticks.push(run)
          return () => {
            cancelled = true
          }
        },
      },
    })
    expect(ticks).toHaveLength(1)
    ticks[0]!()
    const result = await running.runNow()
    expect(result?.interactionsDeleted).toBe(0) // the tick already deleted it
    expect(await t.db.select().from(interactions)).toHaveLength(2)
    expect(logged.some((line) => line.includes('"msg":"retention pruned"'))).toBe(true)
    await running.stop()
    expect(cancelled).toBe(true)
  })

  it('logs a failed run and keeps going', async () => {
    const logged: string[] = []
    const running = startRetention({
      db: t.db,
      log: createLogger('info', (line) => logged.push(line)),
      retention,
      timer: { every: () => () => {} },
    })
    await t.db.$client.execute('DROP TABLE undelivered_messages')
    expect(await running.runNow()).toBeNull()
    expect(logged.some((line) => line.includes('retention prune failed'))).toBe(true)
    await running.stop()
  })
})

describe('retention settings', () => {
  it('defaults to 90 days of conversations and 365 of counts, and refuses counts shorter than conversations', () => {
    expect(loadConfig({}).bot.retention).toEqual({ conversationDays: 90, countsDays: 365 })
    expect(
      loadConfig({ RETENTION_CONVERSATION_DAYS: '30', RETENTION_COUNTS_DAYS: '180' }).bot.retention,
    ).toEqual({ conversationDays: 30, countsDays: 180 })
    expect(() => loadConfig({ RETENTION_CONVERSATION_DAYS: '400' })).toThrow(/RETENTION_COUNTS_DAYS/)
    expect(() => loadConfig({ RETENTION_CONVERSATION_DAYS: '0' })).toThrow(/RETENTION_CONVERSATION_DAYS/)
  })
})
