/**
 * The reranker's per-procedure facts with their name tokens in columns: every procedure's
 * folded and accented tokens are numbers in two typed arrays shared by the whole index
 * (a token table turns them back into words), instead of two arrays of strings per procedure
 * (at 100,000 procedures about 50 MB of heap). `folded` and `accented` read as before, as
 * arrays built when asked (a reader keeps the array while it loops over it); identical
 * modifier lists are shared. Nothing else in the facts changes.
 * @module
 */
import type { DocFacts } from './search-index.types.ts'

/** Token ids of every packed procedure, grown while the index is built, then fixed. */
type Columns = {
  folded: Uint32Array | Uint16Array
  accented: Uint32Array | Uint16Array
  words: string[]
}

const wordsOf = (columns: Columns, column: Uint32Array | Uint16Array, start: number, length: number) => {
  const out = new Array<string>(length)
  for (let i = 0; i < length; i++) out[i] = columns.words[column[start + i] as number] as string
  return out
}

/** One procedure's facts, its tokens read from the shared columns. */
class PackedFacts {
  readonly #columns: Columns
  readonly #start: number
  readonly #length: number
  code: string
  name: string
  levels: string[]
  field: string
  baseLength: number
  mainLength: number
  levelRank: number
  citizen: boolean
  people: boolean
  bundle: boolean
  modifiers: number[]
  aliases?: string[]
  expanded?: string[]
  expandedAccented?: string[]
  expandedPairs?: string[]
  group?: string

  constructor(f: DocFacts, columns: Columns, start: number, modifiers: number[]) {
    this.#columns = columns
    this.#start = start
    this.#length = f.folded.length
    this.code = f.code
    this.name = f.name
    this.levels = f.levels
    this.field = f.field
    this.baseLength = f.baseLength
    this.mainLength = f.mainLength
    this.levelRank = f.levelRank
    this.citizen = f.citizen
    this.people = f.people
    this.bundle = f.bundle
    this.modifiers = modifiers
    if (f.aliases) this.aliases = f.aliases
    if (f.expanded) this.expanded = f.expanded
    if (f.expandedAccented) this.expandedAccented = f.expandedAccented
    if (f.expandedPairs) this.expandedPairs = f.expandedPairs
  }

  /** Folded name tokens in order (a new array each time: read it once per loop). */
  get folded(): string[] {
    return wordsOf(this.#columns, this.#columns.folded, this.#start, this.#length)
  }

  /** Tone-normalised name tokens (a new array each time: read it once per loop). */
  get accented(): string[] {
    return wordsOf(this.#columns, this.#columns.accented, this.#start, this.#length)
  }
}

/**
 * @returns `pack(facts)`, which gives the same facts with their tokens in the shared columns,
 * and `finish()`, which fixes the columns at their final size (smaller ids when few words)
 * @example const packer = createFactsPacker(); const f = packer.pack(analysed); packer.finish()
 */
export const createFactsPacker = () => {
  const columns: Columns = { folded: new Uint32Array(1 << 12), accented: new Uint32Array(1 << 12), words: [] }
  const idOf = new Map<string, number>()
  const modifierLists = new Map<string, number[]>()
  let used = 0
  const id = (word: string): number => {
    let n = idOf.get(word)
    if (n === undefined) {
      n = columns.words.length
      columns.words.push(word)
      idOf.set(word, n)
    }
    return n
  }
  const grow = (column: Uint32Array | Uint16Array, size: number) => {
    const next = new Uint32Array(size)
    next.set(column.subarray(0, used))
    return next
  }
  return {
    pack(f: DocFacts): DocFacts {
      const length = f.folded.length
      if (used + length > columns.folded.length) {
        const size = Math.max(columns.folded.length * 2, used + length)
        columns.folded = grow(columns.folded, size)
        columns.accented = grow(columns.accented, size)
      }
      for (let i = 0; i < length; i++) {
        columns.folded[used + i] = id(f.folded[i] as string)
        columns.accented[used + i] = id(f.accented[i] as string)
      }
      const key = f.modifiers.join(',')
      let modifiers = modifierLists.get(key)
      if (!modifiers) {
        modifiers = f.modifiers
        modifierLists.set(key, modifiers)
      }
      const packed = new PackedFacts(f, columns, used, modifiers)
      used += length
      return packed
    },
    /** Trims the columns to what was packed; nothing is packed after this. */
    finish(): void {
      const small = columns.words.length <= 0xffff
      const fix = (column: Uint32Array | Uint16Array) =>
        small ? Uint16Array.from(column.subarray(0, used)) : column.slice(0, used)
      columns.folded = fix(columns.folded)
      columns.accented = fix(columns.accented)
      idOf.clear()
      modifierLists.clear()
    },
  }
}
