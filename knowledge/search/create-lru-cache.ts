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
 * A pure function of a string, remembered for about the last `maxEntries` keys it was called with
 * (words, names, record texts that come back request after request). A hit only marks its entry as
 * used (an answer reads such tables hundreds of times, so a hit moves no links); once full, a new
 * key takes the place of the oldest entry not used since the hand last passed it (second chance, the
 * usual approximation of least recently used: marked entries are passed over and unmarked).
 * @example const fold = memoize((phrase) => analyzeText(phrase).map((t) => t.folded).join(' '), { maxEntries: 20_000 })
 */
export const memoize = <V>(
  compute: (key: string) => V,
  { maxEntries }: { maxEntries: number },
): ((key: string) => V) => {
  type Slot = { key: string; value: V; used: boolean }
  const slots = new Map<string, Slot>()
  // The entries in the order they were put in their place; `hand` is the next one to replace.
  const ring: Slot[] = []
  let hand = 0
  return (key) => {
    const hit = slots.get(key)
    if (hit !== undefined) {
      hit.used = true
      return hit.value
    }
    const value = compute(key)
    if (maxEntries <= 0) return value
    const slot: Slot = { key, value, used: false }
    if (ring.length < maxEntries) ring.push(slot)
    else {
      let old = ring[hand] as Slot
      while (old.used) {
        old.used = false
        hand = (hand + 1) % maxEntries
        old = ring[hand] as Slot
      }
      slots.delete(old.key)
      ring[hand] = slot
      hand = (hand + 1) % maxEntries
    }
    slots.set(key, slot)
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
