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

  it('keeps exactly the most recently used keys through a long mix of reads and writes', () => {
    const cache = createLruCache<number>({ maxEntries: 5 })
    // The reference: keys from least to most recently used.
    const order: string[] = []
    const values = new Map<string, number>()
    let seed = 7
    for (let step = 0; step < 2000; step++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      const key = `k${seed % 9}`
      const at = order.indexOf(key)
      if (seed % 3 === 0) {
        cache.set(key, step)
        if (at >= 0) order.splice(at, 1)
        order.push(key)
        values.set(key, step)
        if (order.length > 5) values.delete(order.shift() as string)
      } else {
        expect(cache.get(key)).toBe(at >= 0 ? values.get(key) : undefined)
        if (at >= 0) order.push(...order.splice(at, 1))
      }
      expect(cache.size()).toBe(order.length)
    }
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

  it('keeps at most the bound, and a key used between new keys stays while unused ones are dropped', () => {
    const calls: string[] = []
    const twice = memoize(
      (key) => {
        calls.push(key)
        return key + key
      },
      { maxEntries: 3 },
    )
    for (let i = 0; i < 20; i++) {
      expect(twice('hot')).toBe('hothot')
      expect(twice(`k${i}`)).toBe(`k${i}k${i}`)
    }
    expect(calls.filter((k) => k === 'hot')).toEqual(['hot'])
    // Only the last keys are kept: the first new key is computed again.
    twice('k0')
    expect(calls.filter((k) => k === 'k0')).toEqual(['k0', 'k0'])
    expect(new Set(calls).size).toBe(21)
  })
})
