/**
 * MiniSearch's postings in typed arrays. MiniSearch keeps, per term, a Map of field → Map of
 * document → term frequency: at 100,000 procedures that is about 3 million Map entries, over
 * 100 MB of heap. Here each term's documents per field are one sorted Uint32Array (frequencies,
 * almost always 1, only where one differs), behind the small part of the Map interface
 * MiniSearch reads when searching and serialising (`get`, `has`, `size`, `keys`, `entries`,
 * iteration), so scores and results are exactly those of the Maps. The index is never changed
 * after it is built (a change rebuilds it whole), so no writing methods are needed.
 * @module
 */

/** One field's postings of one term: document short ids ascending, with their frequencies. */
export class FieldPostings {
  readonly #ids: Uint32Array
  readonly #freqs: Uint16Array | null
  /** MiniSearch asks for each key in turn right after `keys()` gave it: the next one is checked first. */
  #cursor = 0

  constructor(ids: Uint32Array, freqs: Uint16Array | null) {
    this.#ids = ids
    this.#freqs = freqs
  }

  get size(): number {
    return this.#ids.length
  }

  /** The documents' short ids, ascending (read without the Map interface by the pair retrieval). */
  get ids(): Uint32Array {
    return this.#ids
  }

  /** The frequency of the `i`-th document in `ids`. */
  frequencyAt(i: number): number {
    return this.#freqs ? (this.#freqs[i] as number) : 1
  }

  #indexOf(docId: number): number {
    const ids = this.#ids
    if (ids[this.#cursor] === docId) return this.#cursor
    let lo = 0
    let hi = ids.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = ids[mid] as number
      if (v === docId) return mid
      if (v < docId) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  has(docId: number): boolean {
    return this.#indexOf(docId) >= 0
  }

  get(docId: number): number | undefined {
    const i = this.#indexOf(docId)
    if (i < 0) return undefined
    this.#cursor = i + 1
    return this.#freqs ? this.#freqs[i] : 1
  }

  keys(): IterableIterator<number> {
    return this.#ids.values()
  }

  *entries(): IterableIterator<[number, number]> {
    const freqs = this.#freqs
    for (let i = 0; i < this.#ids.length; i++)
      yield [this.#ids[i] as number, freqs ? (freqs[i] as number) : 1]
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries()
  }
}

/** One term's postings: field id → FieldPostings, fields in the order documents first used them. */
export class TermPostings {
  readonly #fieldIds: number[]
  readonly #fields: FieldPostings[]

  constructor(fieldIds: number[], fields: FieldPostings[]) {
    this.#fieldIds = fieldIds
    this.#fields = fields
  }

  get size(): number {
    return this.#fieldIds.length
  }

  get(fieldId: number): FieldPostings | undefined {
    const k = this.#fieldIds.indexOf(fieldId)
    return k < 0 ? undefined : this.#fields[k]
  }

  has(fieldId: number): boolean {
    return this.#fieldIds.includes(fieldId)
  }

  keys(): IterableIterator<number> {
    return this.#fieldIds.values()
  }

  *entries(): IterableIterator<[number, FieldPostings]> {
    for (let k = 0; k < this.#fieldIds.length; k++)
      yield [this.#fieldIds[k] as number, this.#fields[k] as FieldPostings]
  }

  [Symbol.iterator](): IterableIterator<[number, FieldPostings]> {
    return this.entries()
  }
}

/**
 * Collects postings while documents are added in ascending short-id order, then packs them.
 * @example const b = createPostingsBuilder(); b.add('khai', 0, 1); const packed = b.pack()
 */
export const createPostingsBuilder = () => {
  type Open = { fieldIds: number[]; ids: number[][]; freqs: (number[] | null)[] }
  const terms = new Map<string, Open>()
  return {
    /** One occurrence of `term` in field `fieldId` of document `shortId` (never below the last one added). */
    add(term: string, fieldId: number, shortId: number): void {
      let open = terms.get(term)
      if (!open) {
        open = { fieldIds: [], ids: [], freqs: [] }
        terms.set(term, open)
      }
      let k = open.fieldIds.indexOf(fieldId)
      if (k < 0) {
        k = open.fieldIds.length
        open.fieldIds.push(fieldId)
        open.ids.push([])
        open.freqs.push(null)
      }
      const ids = open.ids[k] as number[]
      if (ids[ids.length - 1] === shortId) {
        // The same term twice in one field of one document: frequencies are kept from here on.
        let freqs = open.freqs[k]
        if (!freqs) {
          freqs = ids.map(() => 1)
          open.freqs[k] = freqs
        }
        freqs[freqs.length - 1] = (freqs[freqs.length - 1] as number) + 1
        return
      }
      ids.push(shortId)
      open.freqs[k]?.push(1)
    },
    /** Terms in the order they were first added, each with its packed postings. */
    *pack(): Generator<[string, TermPostings]> {
      for (const [term, open] of terms) {
        const fields = open.ids.map((ids, k) => {
          const freqs = open.freqs[k]
          return new FieldPostings(Uint32Array.from(ids), freqs ? Uint16Array.from(freqs) : null)
        })
        terms.delete(term)
        yield [term, new TermPostings(open.fieldIds, fields)]
      }
    },
  }
}

/**
 * MiniSearch's per-document field lengths (`_fieldLength`, a Map of short id → one array per
 * document) in one typed array: 100,000 small arrays and Map entries are several MB, and the
 * Map lookup is the dearest step of scoring a posting. `get` returns one shared array, filled
 * for the document asked: MiniSearch reads it at once (`get(docId)[fieldId]`) and never keeps
 * it; the index is never changed after it is built. Iteration gives fresh arrays (serialising).
 */
export class DocumentLengths {
  readonly #lengths: Uint16Array
  readonly #fields: number
  readonly #scratch: number[]

  /** @param lengths `fields` lengths per document, document by document in short-id order */
  constructor(lengths: Uint16Array, fields: number) {
    this.#lengths = lengths
    this.#fields = fields
    this.#scratch = new Array<number>(fields).fill(0)
  }

  get size(): number {
    return this.#lengths.length / this.#fields
  }

  has(docId: number): boolean {
    return docId >>> 0 === docId && docId < this.#lengths.length / this.#fields
  }

  /** The length of one field of one document, without the shared array. */
  lengthOf(docId: number, fieldId: number): number {
    return this.#lengths[docId * this.#fields + fieldId] as number
  }

  get(docId: number): number[] | undefined {
    if (!this.has(docId)) return undefined
    const at = docId * this.#fields
    for (let k = 0; k < this.#fields; k++) this.#scratch[k] = this.#lengths[at + k] as number
    return this.#scratch
  }

  *keys(): IterableIterator<number> {
    for (let docId = 0; docId < this.size; docId++) yield docId
  }

  *entries(): IterableIterator<[number, number[]]> {
    for (let docId = 0; docId < this.size; docId++) {
      const at = docId * this.#fields
      yield [docId, Array.from(this.#lengths.subarray(at, at + this.#fields))]
    }
  }

  [Symbol.iterator](): IterableIterator<[number, number[]]> {
    return this.entries()
  }
}

/** MiniSearch's short id → document id Map (`_documentIds`) as the array of ids in short-id order. */
export class DocumentIds {
  readonly #ids: readonly string[]

  constructor(ids: readonly string[]) {
    this.#ids = ids
  }

  get size(): number {
    return this.#ids.length
  }

  has(shortId: number): boolean {
    return shortId >>> 0 === shortId && shortId < this.#ids.length
  }

  get(shortId: number): string | undefined {
    return this.has(shortId) ? this.#ids[shortId] : undefined
  }

  keys(): IterableIterator<number> {
    return this.#ids.keys()
  }

  values(): IterableIterator<string> {
    return this.#ids.values()
  }

  entries(): IterableIterator<[number, string]> {
    return this.#ids.entries()
  }

  [Symbol.iterator](): IterableIterator<[number, string]> {
    return this.entries()
  }
}
