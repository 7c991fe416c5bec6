/**
 * A bounded least-recently-used cache over a Map (insertion order is recency order): a hit
 * moves the entry to the back, an insert past the bound drops the oldest entry. Used for
 * values that depend only on their key and on the index they were computed from (expanded
 * queries, search results, answers), so the caches are dropped whole when the index changes.
 * @module
 */

export type LruCache<V> = {
  get: (key: string) => V | undefined
  set: (key: string, value: V) => void
  clear: () => void
  size: () => number
}

/**
 * @param maxEntries how many entries are kept (0: nothing is kept)
 * @example const cache = createLruCache<number>({ maxEntries: 1000 })
 */
export const createLruCache = <V>({ maxEntries }: { maxEntries: number }): LruCache<V> => {
  const entries = new Map<string, V>()
  return {
    get: (key) => {
      const value = entries.get(key)
      if (value === undefined) return undefined
      entries.delete(key)
      entries.set(key, value)
      return value
    },
    set: (key, value) => {
      if (maxEntries <= 0) return
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  }
}

/**
 * A pure function of a string, remembered for the last `maxEntries` keys it was called with
 * (words, names, record texts that come back request after request).
 * @example const fold = memoize((phrase) => analyzeText(phrase).map((t) => t.folded).join(' '), { maxEntries: 20_000 })
 */
export const memoize = <V>(
  compute: (key: string) => V,
  { maxEntries }: { maxEntries: number },
): ((key: string) => V) => {
  const cache = createLruCache<V>({ maxEntries })
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = compute(key)
      cache.set(key, value)
    }
    return value
  }
}

/** Freezes a plain value and everything it holds, so a cached value cannot be changed by one caller for the next. */
export const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
