/**
 * The knowledge base as the rest of trolyso sees it: search, records, answers. It keeps a
 * MiniSearch index in memory and rebuilds it when the stored procedures change (another
 * process's import included), without a restart. Vocabulary staff teach in the console (learnt
 * phrases, everyday words, abbreviations) is read with the procedures and followed the same way.
 * @module
 */

import type { Answer, AnswerContext } from './answer/answer.types.ts'
import { answerQuestion } from './answer/answer-question.ts'
import { type FormUse, formKey, indexForms } from './answer/find-form-code.ts'
import { findPaperUses } from './answer/find-paper-uses.ts'
import { builtInProcedureActions, type ProcedureActions, type Traits } from './answer/procedure-actions.ts'
import { rankByFit } from './answer/rank-by-fit.ts'
import { structureAnswer } from './answer/structure-answer.ts'
import type { Db } from './db/client.ts'
import { builtInPlaceNotes } from './places/create-place-notes.ts'
import { getProcedure } from './procedures/get-procedure.ts'
import {
  getKnowledgeBaseVersion,
  listProcedures,
  listProceduresInPages,
} from './procedures/list-procedures.ts'
import type { Procedure } from './procedures/procedure.types.ts'
import { buildSearchIndex, buildSearchIndexInSlices, type SearchIndex } from './search/build-search-index.ts'
import { createLruCache, deepFreeze, type LruCache } from './search/create-lru-cache.ts'
import { type ExpandedQuery, expandQuery } from './search/expand-query.ts'
import { compileSynonyms, readSynonymFiles, type Synonyms } from './search/load-synonyms.ts'
import {
  compileLearntPhrases,
  type LearntPhrases,
  matchLearntPhrase,
  withLearntFirst,
} from './search/match-learnt-phrases.ts'
import type { SearchOptions, SearchResult } from './search/search.types.ts'
import { searchProcedures } from './search/search-procedures.ts'
import { maskPersonalData } from './text/mask-personal-data.ts'
import { compileVocabulary } from './vocabulary/compile-vocabulary.ts'
import { getVocabularyVersion, listActiveVocabulary } from './vocabulary/list-vocabulary.ts'
import type { VocabularyItem } from './vocabulary/vocabulary.types.ts'

/** Digits (also full-width) or an e-mail's "@": only such a message may hold personal data to mask. */
const MAY_HOLD_PERSONAL_DATA = /[\d@\uFF10-\uFF19\uFF20]/u

/** Answers and search as they would be with other vocabulary (for the check before a change is stored). */
export type KnowledgeBasePreview = {
  search: (query: string, options?: SearchOptions) => SearchResult[]
  answer: (question: string, context?: AnswerContext) => Promise<Answer>
}

export type KnowledgeBase = {
  /** Ranked procedures for a free-text query (or a procedure code). */
  search: (query: string, options?: SearchOptions) => SearchResult[]
  /** The full record as indexed (read-only), or null. */
  getProcedure: (code: string) => Promise<Procedure | null>
  /** Turns a citizen's question into an answer built only from stored records. */
  answer: (question: string, context?: AnswerContext) => Promise<Answer>
  /** Rebuilds the index if the stored procedures changed since the last build. */
  refresh: () => Promise<boolean>
  /** Number of indexed procedures. */
  size: () => number
  /** Stops the background refresh timer. */
  close: () => void
  /** The knowledge-base version the current index was built from (procedures/vocabulary). */
  version?: () => string
  /** The same records answered with this vocabulary instead of the stored one; nothing is stored. */
  withVocabulary?: (items: VocabularyItem[]) => Promise<KnowledgeBasePreview>
}

export type CreateKnowledgeBaseOptions = {
  db: Db
  /** Extra abbreviations/synonyms file an admin maintains (JSON, same shape as knowledge/data/synonyms.json). */
  synonymsFile?: string | null
  /** Check for changes every N seconds (0: only on `refresh()`). */
  refreshSeconds?: number
  /** Entries of each per-index cache (expanded queries, search results, answers); 0 turns them off. */
  cacheEntries?: number
  /**
   * Called with the new `version()` each time a refresh found a change and swapped it in
   * (whoever made the change), e.g. to tell the other processes of `WORKERS=n` at once.
   */
  onChange?: (version: string) => void
}

const MAX_LIMIT = 50

/**
 * Builds the index from the stored procedures and keeps it current: `refresh()` (and the
 * timer, every `refreshSeconds`) rebuilds a complete new index when the stored version
 * changed, in slices that let requests through, then swaps it in, so a query never sees a
 * half-built index and is never held up for the whole rebuild.
 * @throws AppError BAD_REQUEST when the admin's synonyms file is unreadable or malformed
 * @example const kb = await createKnowledgeBase({ db, refreshSeconds: 30 })
 */
export const createKnowledgeBase = async ({
  db,
  synonymsFile = null,
  refreshSeconds = 0,
  cacheEntries = 1000,
  onChange,
}: CreateKnowledgeBaseOptions): Promise<KnowledgeBase> => {
  const baseFiles = readSynonymFiles({ extraFile: synonymsFile })
  // Loaded here rather than on the first question, so that question is not the slow one.
  const places = builtInPlaceNotes()
  const actions = builtInProcedureActions()
  type Vocabulary = {
    synonyms: Synonyms
    phrases: LearntPhrases
    /** The taught procedure for a question; remembers the last question (search and answer ask for the same one). */
    taught: (question: string) => string | null
    version: string
    /** The taught words as compiled: equal keys need no new index. */
    wordsKey: string
  }
  // Popular questions repeat: their expansion, ranking and answer are computed once per index
  // and vocabulary. Cached values are frozen, so no caller can change what the next one gets;
  // without caches nothing is shared between callers, so nothing needs freezing.
  const freeze = cacheEntries > 0 ? deepFreeze : <T>(value: T): T => value
  type Caches = {
    expansions: LruCache<ExpandedQuery>
    results: LruCache<SearchResult[]>
    answers: LruCache<Answer>
  }
  const newCaches = (): Caches => ({
    expansions: createLruCache({ maxEntries: cacheEntries }),
    results: createLruCache({ maxEntries: cacheEntries }),
    answers: createLruCache({ maxEntries: cacheEntries }),
  })
  type Snapshot = {
    index: SearchIndex
    records: Map<string, Procedure>
    /** The forms the records' papers name, by code (find-form-code.ts). */
    forms: Map<string, FormUse[]>
    version: string
    vocabulary: Vocabulary
    caches: Caches
  }
  const compile = (items: VocabularyItem[], version: string): Vocabulary => {
    const { file, phrases } = compileVocabulary(items)
    const synonyms = compileSynonyms([...baseFiles, file])
    const learnt: LearntPhrases = compileLearntPhrases(phrases, synonyms)
    let last: { question: string; code: string | null } | null = null
    const taught = (question: string) => {
      if (last?.question !== question)
        last = { question, code: matchLearntPhrase(learnt, question, synonyms) }
      return last.code
    }
    return { synonyms, phrases: learnt, taught, version, wordsKey: JSON.stringify(file) }
  }
  const loadVocabulary = async (): Promise<Vocabulary> => {
    const version = await getVocabularyVersion({ db })
    return compile(await listActiveVocabulary({ db }), version)
  }
  // At start nothing else is waiting, so the first build runs in one go; a rebuild while
  // requests are served reads and indexes in slices that give the event loop a turn.
  const build = async (sliced: boolean): Promise<Snapshot> => {
    // Versions first: a write landing during the build makes the next refresh rebuild again.
    const version = await getKnowledgeBaseVersion({ db })
    const vocabulary = await loadVocabulary()
    const { synonyms } = vocabulary
    const procedures = sliced ? await listProceduresInPages({ db }) : await listProcedures({ db })
    const index = sliced
      ? await buildSearchIndexInSlices({ procedures, synonyms })
      : buildSearchIndex({ procedures, synonyms })
    // Records are kept with the index they were indexed from, so an answer never mixes two
    // versions and needs no database read (about half the cost of an answer otherwise).
    const records = new Map(procedures.map((p) => [p.code, Object.freeze(p)]))
    return { index, records, forms: indexForms(procedures), version, vocabulary, caches: newCaches() }
  }
  let current = await build(false)
  const versionOf = (snapshot: Snapshot) => `${snapshot.version}/${snapshot.vocabulary.version}`
  // Checks run one after another: a refresh asked for after a write always looks at the
  // version after that write, even while an earlier (timer) check is still running.
  let chain: Promise<unknown> = Promise.resolve()

  const swapIn = async (): Promise<boolean> => {
    const version = await getKnowledgeBaseVersion({ db })
    const vocabularyVersion = await getVocabularyVersion({ db })
    if (version === current.version && vocabularyVersion === current.vocabulary.version) return false
    if (version === current.version) {
      // Only learnt phrases changed: they are looked up beside the index, which stays.
      const vocabulary = await loadVocabulary()
      if (vocabulary.wordsKey === current.vocabulary.wordsKey) {
        current = { ...current, vocabulary, caches: newCaches() }
        return true
      }
    }
    current = await build(true)
    return true
  }

  const refresh = (): Promise<boolean> => {
    const run = chain.then(async () => {
      const changed = await swapIn()
      if (changed) onChange?.(versionOf(current))
      return changed
    })
    chain = run.catch(() => {})
    return run
  }

  const readProcedure = async (code: string): Promise<Procedure | null> =>
    current.records.get(code) ?? (await getProcedure({ db, code }))

  const expandIn =
    (snapshot: Snapshot) =>
    (text: string): ExpandedQuery => {
      const { expansions } = snapshot.caches
      let q = expansions.get(text)
      if (q === undefined) {
        q = freeze(expandQuery(text, snapshot.vocabulary.synonyms, snapshot.index))
        expansions.set(text, q)
      }
      return q
    }

  const searchIn =
    (
      snapshot: Snapshot,
      expand: (text: string) => ExpandedQuery = expandIn(snapshot),
      fit: ProcedureActions = actions,
    ) =>
    (query: string, options: SearchOptions = {}): SearchResult[] => {
      const limit = Math.min(Math.max(1, options.limit ?? 10), MAX_LIMIT)
      const key = `${limit} ${query}`
      const { results } = snapshot.caches
      let found = results.get(key)
      if (found === undefined) {
        const { synonyms } = snapshot.vocabulary
        const ranked = searchProcedures({
          index: snapshot.index,
          synonyms,
          query: expand(query),
          limit,
          rerank: (candidates, q) =>
            rankByFit({ results: candidates, question: fit.ofQuestion(q.tokens), actions: fit }),
        })
        const taught = snapshot.vocabulary.taught(query)
        found = freeze(taught ? withLearntFirst(ranked, snapshot.index, taught).slice(0, limit) : ranked)
        results.set(key, found)
      }
      return found
    }

  // Answers about fees and overviews depend on the day (fees in force), so the day is in the key.
  const answerIn =
    (snapshot: Snapshot) =>
    async (typed: string, context: AnswerContext = {}): Promise<Answer> => {
      // Every channel masks personal data before asking; a caller that did not (a script, a test)
      // gets the same answer: an identity number's digits are never search words.
      const question = MAY_HOLD_PERSONAL_DATA.test(typed) ? maskPersonalData(typed).text : typed
      const day = Math.floor(Date.now() / 86_400_000)
      const key = `${day}\u0000${context.procedureCode ?? ''}\u0000${(context.candidateCodes ?? []).join(',')}\u0000${question}`
      const cached = snapshot.caches.answers.get(key)
      if (cached !== undefined) return cached
      const { synonyms, taught } = snapshot.vocabulary
      // The answer expands the question and then searches it: expanded once per answer, even without caches.
      const expandAny = expandIn(snapshot)
      let last: { text: string; q: ExpandedQuery } | null = null
      const expand = (text: string): ExpandedQuery => {
        if (last?.text !== text) last = { text, q: expandAny(text) }
        return last.q
      }
      // The search's rerank and the answer read the traits of the same expanded question: worked out once.
      let traits: { tokens: readonly unknown[]; of: Traits } | null = null
      const fit: ProcedureActions = {
        ...actions,
        ofQuestion: (tokens) => {
          if (traits?.tokens === tokens) return traits.of
          const of = actions.ofQuestion(tokens)
          traits = { tokens, of }
          return of
        },
      }
      const result = freeze(
        structureAnswer(
          await answerQuestion({
            question,
            context,
            search: searchIn(snapshot, expand, fit),
            getProcedure: async (code) => snapshot.records.get(code) ?? (await getProcedure({ db, code })),
            synonyms,
            places,
            actions: fit,
            taught,
            expand,
            wordShare: (word) => (snapshot.index.df.get(word) ?? 0) / Math.max(1, snapshot.index.size),
            servesForces: (code) => snapshot.index.facts.get(code)?.forces === true,
            formUses: (code) => snapshot.forms.get(formKey(code)) ?? [],
            paperUses: (paper) => findPaperUses(paper, snapshot.records),
          }),
        ),
      )
      // An answer computed while the index was swapped is returned, not kept.
      if (snapshot === current) snapshot.caches.answers.set(key, result)
      return result
    }

  const search = (query: string, options?: SearchOptions): SearchResult[] => searchIn(current)(query, options)

  const withVocabulary = async (items: VocabularyItem[]): Promise<KnowledgeBasePreview> => {
    const base = current
    const vocabulary = compile(items, 'preview')
    const index =
      vocabulary.wordsKey === base.vocabulary.wordsKey
        ? base.index
        : await buildSearchIndexInSlices({
            procedures: [...base.records.values()],
            synonyms: vocabulary.synonyms,
          })
    const snapshot: Snapshot = { ...base, index, vocabulary, caches: newCaches() }
    return { search: searchIn(snapshot), answer: answerIn(snapshot) }
  }

  const timer =
    refreshSeconds > 0
      ? setInterval(() => {
          refresh().catch(() => {
            // A failed check (database busy, briefly unreachable) is retried on the next tick.
          })
        }, refreshSeconds * 1000)
      : null
  timer?.unref()

  return {
    search,
    getProcedure: readProcedure,
    answer: (question, context) => answerIn(current)(question, context),
    refresh,
    size: () => current.index.size,
    close: () => {
      if (timer) clearInterval(timer)
    },
    version: () => versionOf(current),
    withVocabulary,
  }
}
