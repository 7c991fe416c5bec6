import { describe, expect, it } from 'vitest'
import { createLruCache, deepFreeze, memoize } from '../../../knowledge/search/create-lru-cache.ts'

describe('createLruCache', () => {
  it('drops the least recently used entry beyond its bound', () => {
    const cache = createLruCache<number>({ maxEntries: 2 })
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1) // a is now the most recent
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
    expect(cache.size()).toBe(2)
    cache.clear()
    expect(cache.size()).toBe(0)
  })

  it('keeps nothing with a bound of 0', () => {
    const cache = createLruCache<number>({ maxEntries: 0 })
    cache.set('a', 1)
    expect(cache.get('a')).toBeUndefined()
  })
})

describe('deepFreeze', () => {
  it('freezes nested objects and arrays', () => {
    const value = deepFreeze({ list: [{ code: '1.000894' }], text: 'x' })
    expect(Object.isFrozen(value.list)).toBe(true)
    expect(Object.isFrozen(value.list[0])).toBe(true)
  })
})

describe('memoize', () => {
  it('computes a key once while it is kept, and again once the bound dropped it', () => {
    const calls: string[] = []
    const upper = memoize(
      (key) => {
        calls.push(key)
        return key.toUpperCase()
      },
      { maxEntries: 2 },
    )
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A'])
    expect(calls).toEqual(['a', 'b'])
    upper('c') // drops 'b', the least recently used
    expect(upper('b')).toBe('B')
    expect(upper('a')).toBe('A')
    expect(calls).toEqual(['a', 'b', 'c', 'b', 'a'])
  })
})
