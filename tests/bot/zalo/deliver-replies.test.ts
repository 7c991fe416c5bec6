import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Reply } from '../../../bot/core/reply.types.ts'
import { deliverReplies } from '../../../bot/zalo/deliver-replies.ts'
import { createReplyWindow } from '../../../bot/zalo/reply-window.ts'
import { createZaloClient } from '../../../bot/zalo/zalo-client.ts'
import { undeliveredMessages } from '../../../knowledge/db/schema/index.ts'
import { createLogger } from '../../../platform/logger.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'
import { type FakeZaloServer, startFakeZaloServer } from '../../helpers/fake-zalo-server.ts'

let fake: FakeZaloServer
let testDb: TestDb
const clock = { now: Date.parse('2026-11-22T08:00:00Z') }
const lines: string[] = []

beforeAll(async () => {
  fake = await startFakeZaloServer()
  testDb = await createTestDb()
})
afterAll(async () => {
  testDb.close()
  await fake.close()
})
beforeEach(() => {
  fake.sent.length = 0
  lines.length = 0
})

const setup = () => {
  const log = createLogger('info', (l) => lines.push(l))
  const client = createZaloClient({
    db: testDb.db,
    settings: {
      appId: fake.appId,
      appSecret: fake.appSecret,
      accessToken: fake.tokens.accessToken,
      refreshToken: fake.tokens.refreshToken,
      apiBase: fake.baseUrl,
      oauthBase: fake.baseUrl,
    },
    log,
  })
  const window = createReplyWindow({ db: testDb.db, clock: () => clock.now })
  const deliver = (userId: string, replies: Reply[]) =>
    deliverReplies({ db: testDb.db, client, window, log, userId, replies, clock: () => clock.now })
  return { window, deliver }
}

const texts = (n: number, prefix: string): Reply[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'text', text: `${prefix} ${i + 1}` }))
const undeliveredFor = (userId: string) =>
  testDb.db.select().from(undeliveredMessages).where(eq(undeliveredMessages.recipient, userId))

describe('Zalo reply window', () => {
  it('sends at most 8 replies per citizen message and stores the rest as undelivered', async () => {
    const { window, deliver } = setup()
    await window.recordInbound('u-quota')
    expect(await deliver('u-quota', texts(10, 'Trả lời'))).toEqual({ sent: 8, undelivered: 2 })
    expect(fake.sent.map((s) => s.message['text'])).toEqual(
      texts(8, 'Trả lời').map((r) => r.type === 'text' && r.text),
    )
    const stored = await undeliveredFor('u-quota')
    expect(stored.map((s) => [s.reason, (s.payload as { text: string }).text])).toEqual([
      ['reply_quota_exhausted', 'Trả lời 9'],
      ['reply_quota_exhausted', 'Trả lời 10'],
    ])
    expect(lines.filter((l) => l.includes('zalo message not delivered'))).toHaveLength(2)

    // A new message from the citizen opens a fresh window.
    await window.recordInbound('u-quota')
    expect(await deliver('u-quota', texts(1, 'Tiếp'))).toEqual({ sent: 1, undelivered: 0 })
  })

  it('stores replies as undelivered once 48 hours have passed since the citizen wrote', async () => {
    const { window, deliver } = setup()
    await window.recordInbound('u-late')
    clock.now += 48 * 3600_000 + 1000
    expect(await deliver('u-late', texts(1, 'Muộn'))).toEqual({ sent: 0, undelivered: 1 })
    expect((await undeliveredFor('u-late'))[0]?.reason).toBe('reply_window_expired')
    expect(fake.sent).toEqual([])
  })

  it('never sends to a citizen who has not written', async () => {
    const { deliver } = setup()
    expect(await deliver('u-stranger', texts(1, 'Chào'))).toEqual({ sent: 0, undelivered: 1 })
    expect(fake.sent).toEqual([])
  })

  it('logs undelivered text masked', async () => {
    const { deliver } = setup()
    await deliver('u-pii', [{ type: 'text', text: 'Gọi 0912345678 để hỏi' }])
    const line = lines.find((l) => l.includes('zalo message not delivered'))
    expect(line).toContain('Gọi *** để hỏi')
    expect(line).not.toContain('0912345678')
  })
})
