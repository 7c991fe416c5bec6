/**
 * A real seeded knowledge base over a real migrated libSQL database, and a conversation on
 * top of it with a controllable clock, for the chat tests.
 * @module
 */

import { type ConversationConfig, createConversation } from '../../bot/core/handle-message.ts'
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/knowledge-base.ts'
import { seedStarterProcedures } from '../../knowledge/procedures/seed-starter-procedures.ts'
import { createTestDb, type TestDb } from '../helpers/create-test-db.ts'

export type SeededKnowledgeBase = { testDb: TestDb; kb: KnowledgeBase; close: () => void }

export const createSeededKnowledgeBase = async (): Promise<SeededKnowledgeBase> => {
  const testDb = await createTestDb()
  await seedStarterProcedures({ db: testDb.db })
  const kb = await createKnowledgeBase({ db: testDb.db })
  return {
    testDb,
    kb,
    close: () => {
      kb.close()
      testDb.close()
    },
  }
}

export const testConversationConfig: ConversationConfig = {
  sessionTtlMinutes: 30,
  hotline: '18001096',
  rateLimit: { burst: 6, perMinute: 20 },
}

/** A conversation over the seeded knowledge base; `clock.now` can be moved by the test. */
export const conversationOver = (
  { testDb, kb }: SeededKnowledgeBase,
  clock: { now: number },
  config: Partial<ConversationConfig> = {},
) =>
  createConversation({
    db: testDb.db,
    answer: (q, c) => kb.answer(q, c),
    getProcedure: (code) => kb.getProcedure(code),
    clock: () => clock.now,
    config: { ...testConversationConfig, ...config },
  })
