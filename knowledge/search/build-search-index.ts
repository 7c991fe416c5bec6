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
import {
  aliasTable,
  analyseProcedureName,
  commonLimit,
  compactLimit,
  createInterner,
  foldCached,
  INDEX_STOPWORDS,
  pairsOf,
  spelledTable,
} from './analyse-procedure-name.ts'
import {
  type AnalysedDoc,
  addAllLoad,
  createBulkLoader,
  FIELD_BOOSTS,
  SLICE,
} from './load-minisearch-postings.ts'
import type { Synonyms } from './load-synonyms.ts'
import { tokenizeVietnamese } from './normalize-vietnamese.ts'
import { createFactsPacker } from './pack-facts.ts'
import type { DocFacts, IndexableProcedure, IndexedDoc, SearchIndex } from './search-index.types.ts'

// What the rest of the search reads from here, defined beside the build in files of their own.
export {
  baseNameOf,
  COMMON_SHARE,
  commonLimit,
  compactLimit,
  countPhrase,
  levelRankOf,
  MODIFIERS,
  pairsOf,
} from './analyse-procedure-name.ts'
export { FIELD_BOOSTS } from './load-minisearch-postings.ts'
export type { DocFacts, IndexableProcedure, IndexedDoc, SearchIndex } from './search-index.types.ts'

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
  // Kept with their marks: "báo" typed with marks is not the "bảo" of BHYT.
  const spelled = new Map<string, string[]>()
  for (const [from, to] of spelledTable(synonyms)) spelled.set(from, to)
  const facts = new Map<string, DocFacts>()
  const codes = new Map<string, string[]>()
  const df = new Map<string, number>()
  const markedDf = new Map<string, number>()
  const fieldTerms = new Map<string, string[]>()
  const addCode = (key: string, code: string) => {
    const list = codes.get(key)
    if (!list) codes.set(key, [code])
    else if (!list.includes(code)) list.push(code)
  }
  // Pass 1: analyse every name and count document frequencies (words and word pairs).
  const stamp = new Map<string, number>()
  const count = (term: string, doc: number, into = df, seen = stamp) => {
    if (seen.get(term) === doc) return
    seen.set(term, doc)
    into.set(term, (into.get(term) ?? 0) + 1)
  }
  const markedStamp = new Map<string, number>()
  // "sổ BHXH" in a name also holds the pairs of what BHXH stands for (bao_hiem, hiem_xa, xa_hoi).
  const spelledPairs = (f: DocFacts): string[] => {
    if (!f.expanded) return []
    const out: string[] = []
    for (const t of f.folded)
      for (const pair of pairsOf((spelled.get(t) ?? []).map(foldCached)))
        if (!out.includes(pair)) out.push(pair)
    return out
  }
  // Name tokens go into columns shared by the whole index (pack-facts.ts).
  const packer = createFactsPacker()
  let n = 0
  for (const p of procedures) {
    if (n % SLICE === 0) yield
    if (facts.has(p.code)) continue
    const f = analyseProcedureName(p, intern, aliases, spelled)
    n++
    for (let i = 0; i < f.folded.length; i++) {
      const t = f.folded[i] as string
      count(t, n)
      const marked = f.accented[i] as string
      if (marked !== t) count(marked, n, markedDf, markedStamp)
      const next = f.folded[i + 1]
      if (next !== undefined) count(`${t}_${next}`, n)
    }
    const extraPairs = spelledPairs(f)
    if (extraPairs.length) {
      f.expandedPairs = extraPairs
      for (const pair of extraPairs) count(pair, n)
    }
    facts.set(p.code, packer.pack(f))
    addCode(p.code, p.code)
    if (/^\d\.\d{6}$/.test(p.code)) {
      addCode(p.code.replace('.', ''), p.code)
      addCode(p.code.slice(2), p.code)
    }
  }
  stamp.clear()
  markedStamp.clear()
  const tokenIds = packer.finish()
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
    const folded = f.folded
    const accented = f.accented
    for (let i = 0; i < folded.length; i++) {
      if (INDEX_STOPWORDS.has(accented[i] as string)) continue
      const word = folded[i] as string
      if ((df.get(word) ?? 0) > compactAbove) {
        const list = lists.get(word)
        if (!list) lists.set(word, [ordinal])
        else if (list.at(-1) !== ordinal) list.push(ordinal)
      } else words.add(word)
      const next = folded[i + 1]
      if (next === undefined || INDEX_STOPWORDS.has(accented[i + 1] as string)) continue
      const pair = `${word}_${next}`
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
  return { mini, facts, codes, df, markedDf, common, ordered, tokenIds, size: facts.size }
}
