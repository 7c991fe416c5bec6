import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { joinPrimary } from '../../api/join-primary.ts'
import type { WorkerMessage } from '../../api/start-workers.ts'

/** The worker's end of the IPC channel, with the primary's answers pushed by the test. */
const fakeChannel = () => {
  const events = new EventEmitter()
  const sent: unknown[] = []
  const channel = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      events.on(event, listener)
      return channel
    },
    off: (event: string, listener: (...args: unknown[]) => void) => {
      events.off(event, listener)
      return channel
    },
    send: (message: unknown) => {
      sent.push(message)
      return true
    },
  } as unknown as NonNullable<Parameters<typeof joinPrimary>[0]>['channel']
  return { channel, sent, tell: (message: WorkerMessage) => events.emit('message', message) }
}

describe('joinPrimary', () => {
  it('reports the primary’s loading progress until the knowledge base is seeded', async () => {
    const { channel, sent, tell } = fakeChannel()
    const joining = joinPrimary({ channel })
    expect(sent).toEqual([{ type: 'trolyso:startup?' }])
    tell({ type: 'trolyso:startup', phase: { phase: 'loading', done: 0, total: 0 } })
    const { startup, seeded } = await joining
    expect(startup.get()).toEqual({ phase: 'loading', done: 0, total: 0 })
    tell({ type: 'trolyso:startup', phase: { phase: 'loading', done: 1200, total: 2642 } })
    expect(startup.get()).toEqual({ phase: 'loading', done: 1200, total: 2642 })
    let done = false
    void seeded?.then(() => {
      done = true
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(done).toBe(false)
    tell({ type: 'trolyso:startup', phase: { phase: 'ready' } })
    await seeded
    // Ready only once the worker has refreshed its own index: the caller marks it.
    expect(startup.get()).toEqual({ phase: 'loading', done: 1200, total: 2642 })
  })

  it('is ready at once when nothing is being loaded', async () => {
    const { channel, tell } = fakeChannel()
    const joining = joinPrimary({ channel })
    tell({ type: 'trolyso:startup', phase: { phase: 'ready' } })
    const { startup, seeded } = await joining
    expect(seeded).toBeNull()
    expect(startup.get()).toEqual({ phase: 'ready' })
  })

  it('fails when the primary does not answer', async () => {
    const { channel } = fakeChannel()
    await expect(joinPrimary({ channel, timeoutMs: 50 })).rejects.toThrow(/did not answer within 50 ms/)
  })
})
