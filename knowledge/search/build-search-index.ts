/**
 * Builds the in-memory search index over procedure names. MiniSearch indexes the folded
 * name (boosted), folded word pairs, the field and aliases (abbreviations citizens use for
 * words in the name: "cccd", "gplx"); text is analysed once here, so MiniSearch's own
 * tokenizer only splits on spaces and the query side passes analysed terms. Beside it,
 * compact per-procedure facts (accented and folded tokens, level, audience) feed the
 * reranker, and a code table answers typed codes. Tokens are interned so 100,000
 * procedures stay small.
 * @module
 */
import MiniSearch from 'minisearch'
import type { Procedure } from '../procedures/procedure.types.ts'
import { createPostingsBuilder, type TermPostings } from './compact-postings.ts'
import type { Synonyms } from './load-synonyms.ts'
import {
  foldToken,
  normalizeVietnamese,
  tokenizeNormalized,
  tokenizeVietnamese,
} from './normalize-vietnamese.ts'

/** What the index needs of a procedure (a full record also fits). */
export type IndexableProcedure = Pick<Procedure, 'code' | 'name' | 'levels' | 'field' | 'audience'>

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
  /** Their word pairs ("thu_nhap", "nhap_ca", "ca_nhan"), when any. */
  expandedPairs?: string[]
}

export type SearchIndex = {
  mini: MiniSearch<IndexedDoc>
  facts: Map<string, DocFacts>
  /** "1.014064", "1014064" → code; "014064" → codes (the six digits repeat across prefixes). */
  codes: Map<string, string[]>
  /** How many procedures each folded name token and word pair occurs in. */
  df: Map<string, number>
  /**
   * Words in a large share of names ("cap", "giay", "tinh" in a 100,000-procedure base), kept
   * out of MiniSearch: each would cost a Map entry per procedure, yet such a word never picks
   * candidates out unless the whole query is made of them. For that case each has a compact
   * list of procedures (indexes into `ordered`), shortest names first.
   */
  common: Map<string, Uint32Array>
  /** Facts in index order, for `common`. */
  ordered: DocFacts[]
  size: number
}

const LEVEL_SUFFIX =
  /\(?\s*(thực hiện|thuc hien)?\s*(tại|ở|o|tai)\s*cấp\s*(trung ương|tỉnh|huyện|xã|bộ)\s*\)?\s*$/iu

/** 0 for procedures a commune handles, 1 province, 2 ministry or central level. */
export const levelRankOf = (name: string, levels: string[]): number => {
  const n = name.normalize('NFC').toLowerCase()
  if (/cấp trung ương|tại bộ|cục quản lý/.test(n)) return 2
  if (/thực hiện (tại|ở) cấp (tỉnh|huyện)/.test(n)) return 1
  if (levels.some((l) => /xã/i.test(l))) return 0
  if (levels.some((l) => /tỉnh/i.test(l))) return 1
  return 2
}

/** The folded base name: level variants of one procedure share it. */
export const baseNameOf = (facts: DocFacts): string => facts.folded.slice(0, facts.baseLength).join(' ')

const MODIFIER_WORDS = [
  'xóa',
  'dừng',
  'thu hồi',
  'thay đổi',
  'điều chỉnh',
  'gia hạn',
  'tạm ngừng',
  'chấm dứt',
  'hủy',
  'lưu động',
  'đính chính',
  'lại',
  'đổi',
  'bổ sung',
  'sửa đổi',
  'giải thể',
]
/**
 * Words that turn a procedure into a secondary variant of a main one ("Xóa đăng ký tạm trú",
 * "Cấp lại …", "… lưu động"). A query that does not ask for them prefers the main procedure.
 * Accented forms are matched in names ("dừng" is not "dụng"), folded ones in unaccented queries.
 */
export const MODIFIERS = MODIFIER_WORDS.map((m) => ({
  accented: tokenizeVietnamese(m).join(' '),
  folded: tokenizeVietnamese(m).map(foldToken).join(' '),
}))

/** How often a phrase occurs in a space-joined text, on word boundaries. */
/** Audience entries that are people rather than organisations. */
const PEOPLE = /công dân|người|cán bộ|công chức|viên chức|cá nhân|hộ gia đình/iu

export const countPhrase = (text: string, phrase: string): number =>
  ` ${text} `.split(` ${phrase} `).length - 1

const NO_MODIFIERS: number[] = []

const createInterner = () => {
  const pool = new Map<string, string>()
  return (s: string): string => {
    const seen = pool.get(s)
    if (seen !== undefined) return seen
    pool.set(s, s)
    return s
  }
}

const foldCache = new Map<string, string>()
const foldCached = (token: string): string => {
  let folded = foldCache.get(token)
  if (folded === undefined) {
    folded = foldToken(token)
    if (foldCache.size < 500_000) foldCache.set(token, folded)
  }
  return folded
}

/** Word pairs of a folded token list, for the phrase field. */
export const pairsOf = (tokens: string[]): string[] => {
  const out: string[] = []
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`)
  return out
}

/** Abbreviations whose official phrase appears in a folded name ("the can cuoc" → "cccd"). */
const aliasTable = (synonyms: Synonyms | undefined): [string, string][] => {
  if (!synonyms) return []
  const out: [string, string][] = []
  for (const [from, { value }] of synonyms.expansions) {
    if (from.includes(' ') || value.keep || value.when.length) continue
    const to = tokenizeVietnamese(value.to).map(foldToken).join(' ')
    if (to && to !== from) out.push([from, to])
  }
  return out
}

/**
 * Function words that occur in a large share of names and never pick a procedure out
 * ("của", "đối với", "cho"). They stay in the rerank facts; MiniSearch skips them, which
 * keeps the index small. Action words (cấp, lại, đổi, mất …) are never on this list.
 */
const INDEX_STOPWORDS = new Set(
  [
    'của',
    'và',
    'các',
    'đối',
    'với',
    'trong',
    'cho',
    'tại',
    'theo',
    'hoặc',
    'là',
    'có',
    'những',
    'về',
    'từ',
    'trên',
    'do',
    'khi',
    'này',
    'đó',
    'được',
    'thì',
    'mà',
    'để',
  ].map((w) => tokenizeVietnamese(w)[0] ?? w),
)

/** Word pairs in more than this share of names are never used to retrieve, so they are not indexed. */
export const COMMON_SHARE = 0.04
export const commonLimit = (size: number): number => Math.max(50, size * COMMON_SHARE)

/** Words in more names than this live in compact lists instead of MiniSearch (`SearchIndex.common`). */
export const compactLimit = (size: number): number => Math.max(2000, size * 0.1)

const analyse = (
  p: IndexableProcedure,
  intern: (s: string) => string,
  aliases: Map<string, [string, string][]>,
  spelled: Map<string, string[]>,
): DocFacts => {
  const text = normalizeVietnamese(p.name)
  const tokens = tokenizeNormalized(text).map(intern)
  const folded = tokens.map((t) => intern(foldCached(t)))
  // The suffix is short and at the end: matching the tail keeps the regex cheap on long names.
  const tail = Math.max(0, p.name.length - 60)
  const suffix = LEVEL_SUFFIX.exec(p.name.slice(tail))
  const baseLength = suffix ? tokenizeVietnamese(p.name.slice(0, tail + suffix.index)).length : tokens.length
  const mainLength = text.includes('(')
    ? tokenizeNormalized(text.replace(/\([^)]*\)?/g, ' ')).length
    : tokens.length
  const baseAccented = tokens.slice(0, baseLength).join(' ')
  let modifiers = NO_MODIFIERS
  MODIFIERS.forEach((m, k) => {
    if (!baseAccented.includes(m.accented)) return
    const n = countPhrase(baseAccented, m.accented)
    if (n) modifiers = [...modifiers, ...Array<number>(n).fill(k)]
  })
  const found: string[] = []
  let foldedText: string | null = null
  for (const t of folded) {
    const candidates = aliases.get(t)
    if (!candidates) continue
    foldedText ??= ` ${folded.join(' ')} `
    for (const [from, to] of candidates)
      if (!found.includes(from) && foldedText.includes(` ${to} `)) found.push(from)
  }
  const expanded: string[] = []
  for (const t of folded)
    for (const w of spelled.get(t) ?? []) if (!expanded.includes(w)) expanded.push(intern(w))
  return {
    code: p.code,
    name: p.name,
    levels: p.levels,
    field: p.field,
    folded,
    accented: tokens,
    baseLength,
    mainLength,
    levelRank: levelRankOf(p.name, p.levels),
    citizen: p.audience.some((a) => /công dân/i.test(a)),
    people: !p.audience.length || p.audience.some((a) => PEOPLE.test(a)),
    bundle: tokens[0] === 'liên' && tokens[1] === 'thông' ? true : text.includes('kết hợp'),
    modifiers,
    ...(found.length ? { aliases: found } : {}),
    ...(expanded.length ? { expanded } : {}),
  }
}

/** Folded field names and their boosts; the name counts most. */
export const FIELD_BOOSTS = { name: 1, pairs: 1.2, field: 0.2, aliases: 1 } as const

export type BuildSearchIndexOptions = {
  procedures: IndexableProcedure[]
  /** Lets the index know abbreviations for words in names (aliases field). */
  synonyms?: Synonyms
  /**
   * `bulk` (default) fills MiniSearch's postings directly from the analysed terms; `addAll`
   * goes through MiniSearch's public API. Both build the same index (a test compares them).
   */
  loader?: 'bulk' | 'addAll'
}

/** Analysed terms of one procedure, per MiniSearch field (in FIELD_BOOSTS order), each once. */
type AnalysedDoc = { id: string; fields: string[][] }

/**
 * MiniSearch 7's in-memory layout, as `add` fills it. Filling it here skips tokenising the
 * joined fields again and one radix-tree lookup per posting: at 100,000 procedures that is
 * about half of the build. Terms enter the tree in the order `add` would first meet them,
 * and the average field lengths use `add`'s running mean, so the result is the same index.
 */
type MiniSearchInternals = {
  _index: { set: (term: string, data: TermPostings) => unknown }
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
}

/** Work between two points where a sliced build may give the event loop a turn. */
const SLICE = 256

/**
 * Fills MiniSearch's internals one analysed document at a time (so the analysed fields of
 * 100,000 documents never pile up), then packs the postings into typed arrays.
 */
const createBulkLoader = (mini: MiniSearch<IndexedDoc>) => {
  const m = mini as unknown as MiniSearchInternals
  const postings = createPostingsBuilder()
  return {
    add(doc: AnalysedDoc): void {
      const shortId = m._nextId
      m._idToShortId.set(doc.id, shortId)
      m._documentIds.set(shortId, doc.id)
      m._documentCount += 1
      m._nextId += 1
      const lengths: number[] = []
      m._fieldLength.set(shortId, lengths)
      const before = m._documentCount - 1
      doc.fields.forEach((terms, fieldId) => {
        lengths[fieldId] = terms.length
        m._avgFieldLength[fieldId] =
          ((m._avgFieldLength[fieldId] || 0) * before + terms.length) / (before + 1)
        for (const term of terms) postings.add(term, fieldId, shortId)
      })
    },
    /** Typed-array postings instead of MiniSearch's Maps (see compact-postings.ts): same scores, far less memory. */
    *finish(): Generator<void, void> {
      let k = 0
      for (const [term, data] of postings.pack()) {
        if (++k % (SLICE * 8) === 0) yield
        m._index.set(term, data)
      }
    },
  }
}

const addAllLoad = (mini: MiniSearch<IndexedDoc>, docs: AnalysedDoc[]) => {
  const [name, pairs, field, aliases] = Object.keys(FIELD_BOOSTS) as (keyof IndexedDoc)[]
  mini.addAll(
    docs.map(
      (d) =>
        ({
          id: d.id,
          [name as string]: d.fields[0]?.join(' ') ?? '',
          [pairs as string]: d.fields[1]?.join(' ') ?? '',
          [field as string]: d.fields[2]?.join(' ') ?? '',
          [aliases as string]: d.fields[3]?.join(' ') ?? '',
        }) as IndexedDoc,
    ),
  )
}

/** @returns a complete index; callers swap it in only after this returns. */
export const buildSearchIndex = (options: BuildSearchIndexOptions): SearchIndex => {
  const steps = buildSteps(options)
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value
}

/**
 * The same index, built in slices of a few milliseconds that give the event loop a turn in
 * between, so a rebuild (an admin import, another process's change) never holds requests up.
 * @param sliceMs how long one slice may run
 */
export const buildSearchIndexInSlices = async (
  options: BuildSearchIndexOptions & { sliceMs?: number },
): Promise<SearchIndex> => {
  const steps = buildSteps(options)
  const sliceMs = options.sliceMs ?? 8
  let since = performance.now()
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      since = performance.now()
    }
  }
}

function* buildSteps({
  procedures,
  synonyms,
  loader = 'bulk',
}: BuildSearchIndexOptions): Generator<void, SearchIndex> {
  const mini = new MiniSearch<IndexedDoc>({
    fields: Object.keys(FIELD_BOOSTS),
    storeFields: [],
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => (text ? text.split(' ') : []), processTerm: (term) => term },
  })
  const intern = createInterner()
  const aliases = new Map<string, [string, string][]>()
  for (const [from, to] of aliasTable(synonyms)) {
    const first = to.split(' ')[0] ?? to
    aliases.set(first, [...(aliases.get(first) ?? []), [from, to]])
  }
  // Abbreviations written in names ("Hoàn thuế TNCN") also match the words they stand for.
  const spelled = new Map<string, string[]>()
  for (const [from, to] of aliasTable(synonyms)) spelled.set(from, to.split(' '))
  for (const [from, to] of synonyms?.abbreviations ?? []) {
    if (!from.includes(' ')) spelled.set(from, tokenizeVietnamese(to).map(foldToken))
  }
  const facts = new Map<string, DocFacts>()
  const codes = new Map<string, string[]>()
  const df = new Map<string, number>()
  const fieldTerms = new Map<string, string[]>()
  const addCode = (key: string, code: string) => {
    const list = codes.get(key)
    if (!list) codes.set(key, [code])
    else if (!list.includes(code)) list.push(code)
  }
  // Pass 1: analyse every name and count document frequencies (words and word pairs).
  const stamp = new Map<string, number>()
  const count = (term: string, doc: number) => {
    if (stamp.get(term) === doc) return
    stamp.set(term, doc)
    df.set(term, (df.get(term) ?? 0) + 1)
  }
  // "sổ BHXH" in a name also holds the pairs of what BHXH stands for (bao_hiem, hiem_xa, xa_hoi).
  const spelledPairs = (f: DocFacts): string[] => {
    if (!f.expanded) return []
    const out: string[] = []
    for (const t of f.folded)
      for (const pair of pairsOf(spelled.get(t) ?? [])) if (!out.includes(pair)) out.push(pair)
    return out
  }
  let n = 0
  for (const p of procedures) {
    if (n % SLICE === 0) yield
    if (facts.has(p.code)) continue
    const f = analyse(p, intern, aliases, spelled)
    facts.set(p.code, f)
    n++
    for (let i = 0; i < f.folded.length; i++) {
      const t = f.folded[i] as string
      count(t, n)
      const next = f.folded[i + 1]
      if (next !== undefined) count(`${t}_${next}`, n)
    }
    const extraPairs = spelledPairs(f)
    if (extraPairs.length) {
      f.expandedPairs = extraPairs
      for (const pair of extraPairs) count(pair, n)
    }
    addCode(p.code, p.code)
    if (/^\d\.\d{6}$/.test(p.code)) {
      addCode(p.code.replace('.', ''), p.code)
      addCode(p.code.slice(2), p.code)
    }
  }
  stamp.clear()
  // Pass 2: index distinctive words and rare pairs; function words and common pairs stay out,
  // very common words go to compact lists.
  const limit = commonLimit(n)
  const compactAbove = compactLimit(n)
  const ordered = [...facts.values()]
  const lists = new Map<string, number[]>()
  // `addAll` takes all documents at the end; the bulk loader takes each as it is analysed.
  const docs: AnalysedDoc[] = []
  const bulk = loader === 'bulk' ? createBulkLoader(mini) : null
  for (const [ordinal, f] of ordered.entries()) {
    if (ordinal % SLICE === 0) yield
    const words = new Set<string>()
    const pairs = new Set<string>()
    for (let i = 0; i < f.folded.length; i++) {
      if (INDEX_STOPWORDS.has(f.accented[i] as string)) continue
      const word = f.folded[i] as string
      if ((df.get(word) ?? 0) > compactAbove) {
        const list = lists.get(word)
        if (!list) lists.set(word, [ordinal])
        else if (list.at(-1) !== ordinal) list.push(ordinal)
      } else words.add(word)
      const next = f.folded[i + 1]
      if (next === undefined || INDEX_STOPWORDS.has(f.accented[i + 1] as string)) continue
      const pair = `${f.folded[i]}_${next}`
      if ((df.get(pair) ?? 0) <= limit) pairs.add(pair)
    }
    let field = fieldTerms.get(f.field)
    if (field === undefined) {
      // Field words are shared by many procedures; one analysis per distinct field.
      field = [
        ...new Set(
          tokenizeVietnamese(f.field)
            .filter((t) => !INDEX_STOPWORDS.has(t))
            .map(foldCached),
        ),
      ]
      fieldTerms.set(f.field, field)
    }
    for (const w of f.expanded ?? []) words.add(w)
    for (const pair of f.expandedPairs ?? []) if ((df.get(pair) ?? 0) <= limit) pairs.add(pair)
    const doc: AnalysedDoc = {
      id: f.code,
      fields: [
        [...words],
        [...pairs],
        // Field words already in the name would only repeat postings the name has.
        field.filter((w) => w && !words.has(w) && (df.get(w) ?? 0) <= compactAbove),
        f.aliases ?? [],
      ],
    }
    if (bulk) bulk.add(doc)
    else docs.push(doc)
  }
  if (bulk) yield* bulk.finish()
  else addAllLoad(mini, docs)
  const common = new Map<string, Uint32Array>()
  for (const [word, list] of lists) {
    // stable: equal lengths keep index order
    list.sort((a, b) => (ordered[a]?.mainLength ?? 0) - (ordered[b]?.mainLength ?? 0) || a - b)
    common.set(word, Uint32Array.from(list))
  }
  return { mini, facts, codes, df, common, ordered, size: facts.size }
}
