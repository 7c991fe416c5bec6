/**
 * A bounded least-recently-used cache: a Map finds an entry, a list linked through the entries
 * keeps their recency order; a hit moves the entry to the newest end, an insert past the bound
 * drops the oldest entry. Used for
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

/** An entry in recency order: `older` towards the least recently used, `newer` towards the most. */
type Entry<V> = { key: string; value: V; older: Entry<V> | null; newer: Entry<V> | null }

/**
 * @param maxEntries how many entries are kept (0: nothing is kept)
 * @example const cache = createLruCache<number>({ maxEntries: 1000 })
 */
export const createLruCache = <V>({ maxEntries }: { maxEntries: number }): LruCache<V> => {
  // The Map finds an entry; the entries' own links keep the recency order, so a hit moves two
  // links instead of deleting and re-inserting its key (which left the Map holes to compact).
  const entries = new Map<string, Entry<V>>()
  let oldest: Entry<V> | null = null
  let newest: Entry<V> | null = null
  const unlink = (e: Entry<V>) => {
    if (e.older) e.older.newer = e.newer
    else oldest = e.newer
    if (e.newer) e.newer.older = e.older
    else newest = e.older
  }
  const append = (e: Entry<V>) => {
    e.older = newest
    e.newer = null
    if (newest) newest.newer = e
    else oldest = e
    newest = e
  }
  return {
    get: (key) => {
      const e = entries.get(key)
      if (e === undefined) return undefined
      if (e !== newest) {
        unlink(e)
        append(e)
      }
      return e.value
    },
    set: (key, value) => {
      if (maxEntries <= 0) return
      const seen = entries.get(key)
      if (seen) {
        seen.value = value
        if (seen !== newest) {
          unlink(seen)
          append(seen)
        }
        return
      }
      const e: Entry<V> = { key, value, older: null, newer: null }
      entries.set(key, e)
      append(e)
      if (entries.size > maxEntries && oldest) {
        entries.delete(oldest.key)
        unlink(oldest)
      }
    },
    clear: () => {
      entries.clear()
      oldest = null
      newest = null
    },
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
