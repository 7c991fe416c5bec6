import { describe, expect, it } from 'vitest'
import { createKeyedQueue } from '../../../bot/core/keyed-queue.ts'

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('createKeyedQueue', () => {
  it('keeps the order within a key, runs keys side by side, and goes on after a failure', async () => {
    const queue = createKeyedQueue()
    const seen: string[] = []
    const errors: string[] = []
    const job =
      (label: string, ms: number, fail = false) =>
      async () => {
        await later(ms)
        if (fail) throw new Error(label)
        seen.push(label)
      }
    const onError = async (error: unknown) => {
      errors.push((error as Error).message)
    }
    queue.push('an', job('an-1', 30), onError)
    queue.push('an', job('an-2', 0, true), onError)
    queue.push('an', job('an-3', 0), onError)
    queue.push('binh', job('binh-1', 5), onError)
    await queue.whenIdle()
    expect(seen).toEqual(['binh-1', 'an-1', 'an-3'])
    expect(errors).toEqual(['an-2'])
  })

  it('survives an error handler that throws', async () => {
    const queue = createKeyedQueue()
    const seen: string[] = []
    queue.push(
      'k',
      async () => {
        throw new Error('first')
      },
      async () => {
        throw new Error('apology failed too')
      },
    )
    queue.push(
      'k',
      async () => {
        seen.push('second')
      },
      async () => {},
    )
    await queue.whenIdle()
    expect(seen).toEqual(['second'])
  })
})
