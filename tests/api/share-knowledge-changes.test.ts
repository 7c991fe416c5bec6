import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { isKnowledgeChange, shareKnowledgeChanges } from '../../api/share-knowledge-changes.ts'
import { createLogger } from '../../platform/logger.ts'

/** The worker's end of the channel to the primary: what it sends, and a way to deliver to it. */
const fakeChannel = () => {
  const emitter = new EventEmitter()
  const sent: unknown[] = []
  const channel = {
    on: (event: string, listener: (message: unknown) => void) => emitter.on(event, listener),
    off: (event: string, listener: (message: unknown) => void) => emitter.off(event, listener),
    send: (message: unknown, _handle?: unknown, _options?: unknown, callback?: () => void) => {
      sent.push(message)
      callback?.()
      return true
    },
  } as unknown as Pick<NodeJS.Process, 'on' | 'off' | 'send'>
  return { channel, sent, deliver: (message: unknown) => emitter.emit('message', message) }
}

describe('shareKnowledgeChanges', () => {
  it('tells the primary the version this worker now holds', () => {
    const { channel, sent } = fakeChannel()
    shareKnowledgeChanges({ channel, log: createLogger('silent') }).announce('7/3')
    expect(sent).toEqual([{ type: 'trolyso:kb-changed', version: '7/3' }])
    expect(isKnowledgeChange(sent[0])).toBe(true)
  })

  it('refreshes on news from the primary, ignores other messages, and stops listening when stopped', async () => {
    const { channel, deliver } = fakeChannel()
    const shared = shareKnowledgeChanges({ channel, log: createLogger('silent') })
    let refreshes = 0
    shared.follow(async () => {
      refreshes += 1
    })
    deliver({ type: 'trolyso:startup', phase: { phase: 'ready' } })
    deliver({ type: 'trolyso:kb-changed' })
    expect(refreshes).toBe(0)
    deliver({ type: 'trolyso:kb-changed', version: '8/3' })
    expect(refreshes).toBe(1)
    shared.stop()
    deliver({ type: 'trolyso:kb-changed', version: '9/3' })
    expect(refreshes).toBe(1)
  })

  it('logs a refresh that fails instead of raising it', async () => {
    const { channel, deliver } = fakeChannel()
    const warnings: string[] = []
    const log = { ...createLogger('silent'), warn: (msg: string) => warnings.push(msg) }
    shareKnowledgeChanges({ channel, log }).follow(() => Promise.reject(new Error('database is locked')))
    deliver({ type: 'trolyso:kb-changed', version: '8/3' })
    await new Promise((r) => setImmediate(r))
    expect(warnings).toEqual(['knowledge base refresh after another worker’s change failed'])
  })
})
