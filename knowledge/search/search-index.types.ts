/**
 * The shape of the in-memory search index over procedure names (built by build-search-index.ts,
 * read by search-procedures.ts): MiniSearch over analysed fields, per-procedure facts for the
 * reranker, a code table and compact lists for the commonest words.
 * @module
 */
import type MiniSearch from 'minisearch'
import type { Procedure } from '../procedures/procedure.types.ts'

/** What the index needs of a procedure (a full record also fits). */
export type IndexableProcedure = Pick<Procedure, 'code' | 'name' | 'levels' | 'field' | 'audience'> &
  /** The steps, when known: the first says who files (serves-forces.ts). */
  Partial<Pick<Procedure, 'steps'>>

export type IndexedDoc = {
  id: string
  /** Space-joined analysed fields. */
  name: string
  pairs: string
  field: string
  aliases: string
}

/** Per-procedure facts the reranker reads without touching MiniSearch internals. */
export type DocFacts = {
  code: string
  name: string
  levels: string[]
  field: string
  /** Folded name tokens in order (arrays, not sets: names are short and 100,000 sets cost memory). */
  folded: string[]
  /** Tone-normalised name tokens, for exact-accent matching. */
  accented: string[]
  /** How many leading tokens form the base name (the "(thực hiện tại cấp …)" suffix excluded). */
  baseLength: number
  /** Tokens outside parentheses: clarifications in brackets should not make a name look off-topic. */
  mainLength: number
  /** Lower is closer to citizens: 0 commune, 1 province, 2 ministry/central. */
  levelRank: number
  /** Whether citizens (Công dân Việt Nam) are among those who carry it out. */
  citizen: boolean
  /** Whether only members of the police or the army file it, though its name does not say so (serves-forces.ts). */
  forces: boolean
  /** Whether people (citizens, foreigners, officials, households) carry it out, or the record does not say; false for organisation-only procedures. */
  people: boolean
  /** Combined ("Liên thông …", "… kết hợp …") procedures: shown after the single procedures they bundle. */
  bundle: boolean
  /** Action words (indexes into MODIFIERS) that make this a secondary variant (xóa, thu hồi, lại …), once per occurrence. */
  modifiers: number[]
  /** Abbreviations citizens use for words in the name ("cccd"), when any. */
  aliases?: string[]
  /** Folded words of abbreviations written in the name ("TNCN" → thu nhap ca nhan), when any. */
  expanded?: string[]
  /** The same words with their marks, index for index ("bảo" of BHYT), so a word typed with marks must agree. */
  expandedAccented?: string[]
  /** Their word pairs ("thu_nhap", "nhap_ca", "ca_nhan"), when any. */
  expandedPairs?: string[]
  /**
   * The name's tokens as numbers of `SearchIndex.tokenIds` (packed facts, pack-facts.ts): folded
   * from `tokenStart` on, `tokenCount` of them, and the accented ones at the same places.
   */
  foldedIds?: ArrayLike<number>
  accentedIds?: ArrayLike<number>
  tokenStart?: number
  tokenCount?: number
  /** The base name joined (`baseNameOf`), set the first time the procedure is a candidate. */
  group?: string
  /**
   * The folded words outside brackets, space-joined with a space at each end, for names with a
   * bracketed part; set the first time the procedure is a candidate.
   */
  main?: string
}

export type SearchIndex = {
  mini: MiniSearch<IndexedDoc>
  facts: Map<string, DocFacts>
  /** "1.014064", "1014064" → code; "014064" → codes (the six digits repeat across prefixes). */
  codes: Map<string, string[]>
  /** How many procedures each folded name token and word pair occurs in. */
  df: Map<string, number>
  /** How many procedures hold each name token that carries marks, as written ("dựng", "giấy"). */
  markedDf?: Map<string, number>
  /**
   * Words in a large share of names ("cap", "giay", "tinh" in a 100,000-procedure base), kept
   * out of MiniSearch: each would cost a Map entry per procedure, yet such a word never picks
   * candidates out unless the whole query is made of them. For that case each has a compact
   * list of procedures (indexes into `ordered`), shortest names first.
   */
  common: Map<string, Uint32Array>
  /** Every folded and accented name token → its number in the facts' `foldedIds` / `accentedIds`. */
  tokenIds?: ReadonlyMap<string, number>
  /** Facts in index order, for `common`. */
  ordered: DocFacts[]
  size: number
}

/** What the names hold, word by word (a `SearchIndex` is one). */
export type NameWords = Pick<SearchIndex, 'df' | 'markedDf' | 'size'>
