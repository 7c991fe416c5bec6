/**
 * The reranker's per-procedure facts with their name tokens in columns: every procedure's
 * folded and accented tokens are numbers in two typed arrays shared by the whole index
 * (a token table turns them back into words), instead of two arrays of strings per procedure
 * (at 100,000 procedures about 50 MB of heap). `folded` and `accented` read as before, as
 * arrays built when asked (a reader keeps the array while it loops over it), or as the numbers
 * themselves (`foldedIds`, `accentedIds`, with the table `finish()` returns): the search reads
 * candidates' names that way, without building arrays or hashing strings; identical modifier
 * lists are shared. Nothing else in the facts changes.
 * @module
 */
import type { DocFacts } from './search-index.types.ts'

/** Token numbers per chunk (64 KB as Uint16): columns grow by chunks, never by copying. */
const CHUNK = 1 << 15

type Column = Uint16Array | Uint32Array

const wordsOf = (words: string[], column: Column, start: number, length: number) => {
  const out = new Array<string>(length)
  for (let i = 0; i < length; i++) out[i] = words[column[start + i] as number] as string
  return out
}

/** One procedure's facts, its tokens read from the shared columns. */
class PackedFacts {
  readonly #words: string[]
  /** The name's folded tokens as numbers of the index's token table, from `tokenStart` on. */
  readonly foldedIds: Column
  /** The accented tokens the same way (one table for both: equal numbers, equal words). */
  readonly accentedIds: Column
  readonly tokenStart: number
  /** How many tokens the name has (`folded.length` without building the array). */
  readonly tokenCount: number
  code: string
  name: string
  levels: string[]
  field: string
  baseLength: number
  mainLength: number
  levelRank: number
  citizen: boolean
  people: boolean
  forces: boolean
  bundle: boolean
  modifiers: number[]
  aliases?: string[]
  expanded?: string[]
  expandedAccented?: string[]
  expandedPairs?: string[]
  group?: string

  constructor(
    f: DocFacts,
    words: string[],
    at: { folded: Column; accented: Column; start: number },
    modifiers: number[],
  ) {
    this.#words = words
    this.foldedIds = at.folded
    this.accentedIds = at.accented
    this.tokenStart = at.start
    this.tokenCount = f.folded.length
    this.code = f.code
    this.name = f.name
    this.levels = f.levels
    this.field = f.field
    this.baseLength = f.baseLength
    this.mainLength = f.mainLength
    this.levelRank = f.levelRank
    this.citizen = f.citizen
    this.people = f.people
    this.forces = f.forces
    this.bundle = f.bundle
    this.modifiers = modifiers
    if (f.aliases) this.aliases = f.aliases
    if (f.expanded) this.expanded = f.expanded
    if (f.expandedAccented) this.expandedAccented = f.expandedAccented
    if (f.expandedPairs) this.expandedPairs = f.expandedPairs
  }

  /** Folded name tokens in order (a new array each time: read it once per loop). */
  get folded(): string[] {
    return wordsOf(this.#words, this.foldedIds, this.tokenStart, this.tokenCount)
  }

  /** Tone-normalised name tokens (a new array each time: read it once per loop). */
  get accented(): string[] {
    return wordsOf(this.#words, this.accentedIds, this.tokenStart, this.tokenCount)
  }
}

/**
 * @returns `pack(facts)`, which gives the same facts with their tokens in the shared columns,
 * and `finish()`, after which nothing more is packed
 * @example const packer = createFactsPacker(); const f = packer.pack(analysed); packer.finish()
 */
export const createFactsPacker = () => {
  const words: string[] = []
  const idOf = new Map<string, number>()
  const modifierLists = new Map<string, number[]>()
  // Token numbers fit 16 bits until the index knows 65,536 words; chunks after that hold 32.
  const at: { folded: Column; accented: Column; start: number } = {
    folded: new Uint16Array(0),
    accented: new Uint16Array(0),
    start: 0,
  }
  const id = (word: string): number => {
    let n = idOf.get(word)
    if (n === undefined) {
      n = words.length
      words.push(word)
      idOf.set(word, n)
    }
    return n
  }
  return {
    pack(f: DocFacts): DocFacts {
      const length = f.folded.length
      const folded = f.folded.map(id)
      const accented = f.accented.map(id)
      const wide = words.length > 0xffff
      // A procedure's tokens never straddle two chunks.
      if (at.start + length > at.folded.length || (wide && at.folded instanceof Uint16Array)) {
        const size = Math.max(CHUNK, length)
        at.folded = wide ? new Uint32Array(size) : new Uint16Array(size)
        at.accented = wide ? new Uint32Array(size) : new Uint16Array(size)
        at.start = 0
      }
      at.folded.set(folded, at.start)
      at.accented.set(accented, at.start)
      const key = f.modifiers.join(',')
      let modifiers = modifierLists.get(key)
      if (!modifiers) {
        modifiers = f.modifiers
        modifierLists.set(key, modifiers)
      }
      const packed = new PackedFacts(f, words, at, modifiers)
      at.start += length
      return packed
    },
    /**
     * Forgets the build-time tables (the columns stay with the facts).
     * @returns the token table: word → its number in the columns (a search compares numbers, not strings)
     */
    finish(): ReadonlyMap<string, number> {
      modifierLists.clear()
      return idOf
    },
  }
}
