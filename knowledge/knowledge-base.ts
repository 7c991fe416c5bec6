/**
 * The knowledge base as the rest of trolyso sees it: search, records, answers. It keeps a
 * MiniSearch index in memory and rebuilds it when the stored procedures change (another
 * process's import included), without a restart.
 * @module
 */

import type { Answer, AnswerContext } from './answer/answer.types.ts'
import { answerQuestion } from './answer/answer-question.ts'
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
import { loadSynonyms } from './search/load-synonyms.ts'
import type { SearchOptions, SearchResult } from './search/search.types.ts'
import { searchProcedures } from './search/search-procedures.ts'

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
  /** The knowledge-base version the current index was built from. */
  version?: () => string
}

export type CreateKnowledgeBaseOptions = {
  db: Db
  /** Extra abbreviations/synonyms file an admin maintains (JSON, same shape as knowledge/data/synonyms.json). */
  synonymsFile?: string | null
  /** Check for changes every N seconds (0: only on `refresh()`). */
  refreshSeconds?: number
  /**
   * How many expanded queries, search results and answers are kept each (least recently used
   * dropped first; 0: none). They depend only on the text and the index, so they are dropped
   * whole when the index is rebuilt.
   */
  cacheEntries?: number
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
}: CreateKnowledgeBaseOptions): Promise<KnowledgeBase> => {
  const synonyms = loadSynonyms({ extraFile: synonymsFile })
  // Loaded here rather than on the first question, so that question is not the slow one.
  const places = builtInPlaceNotes()
  // Popular questions repeat: their expansion, ranking and answer are computed once per index.
  // Cached values are frozen, so no caller can change what the next one gets.
  const expansions = createLruCache<ExpandedQuery>({ maxEntries: cacheEntries })
  // Without caches nothing is shared between callers, so nothing needs freezing.
  const freeze = cacheEntries > 0 ? deepFreeze : <T>(value: T): T => value
  const expand = (text: string): ExpandedQuery => {
    let q = expansions.get(text)
    if (q === undefined) {
      q = freeze(expandQuery(text, synonyms))
      expansions.set(text, q)
    }
    return q
  }
  type Snapshot = {
    index: SearchIndex
    records: Map<string, Procedure>
    version: string
    results: LruCache<SearchResult[]>
    answers: LruCache<Answer>
  }
  // At start nothing else is waiting, so the first build runs in one go; a rebuild while
  // requests are served reads and indexes in slices that give the event loop a turn.
  const build = async (sliced: boolean): Promise<Snapshot> => {
    // Version first: a write landing during the build makes the next refresh rebuild again.
    const version = await getKnowledgeBaseVersion({ db })
    const procedures = sliced ? await listProceduresInPages({ db }) : await listProcedures({ db })
    const index = sliced
      ? await buildSearchIndexInSlices({ procedures, synonyms })
      : buildSearchIndex({ procedures, synonyms })
    // Records are kept with the index they were indexed from, so an answer never mixes two
    // versions and needs no database read (about half the cost of an answer otherwise).
    const records = new Map(procedures.map((p) => [p.code, Object.freeze(p)]))
    return {
      index,
      records,
      version,
      results: createLruCache({ maxEntries: cacheEntries }),
      answers: createLruCache({ maxEntries: cacheEntries }),
    }
  }
  let current = await build(false)
  // Checks run one after another: a refresh asked for after a write always looks at the
  // version after that write, even while an earlier (timer) check is still running.
  let chain: Promise<unknown> = Promise.resolve()

  const refresh = (): Promise<boolean> => {
    const run = chain.then(async () => {
      const version = await getKnowledgeBaseVersion({ db })
      if (version === current.version) return false
      current = await build(true)
      return true
    })
    chain = run.catch(() => {})
    return run
  }

  const readProcedure = async (code: string): Promise<Procedure | null> =>
    current.records.get(code) ?? (await getProcedure({ db, code }))

  const search = (query: string, options: SearchOptions = {}): SearchResult[] => {
    const limit = Math.min(Math.max(1, options.limit ?? 10), MAX_LIMIT)
    const { index, results } = current
    const key = `${limit} ${query}`
    let found = results.get(key)
    if (found === undefined) {
      found = freeze(searchProcedures({ index, synonyms, query: expand(query), limit }))
      results.set(key, found)
    }
    return found
  }

  // Answers about fees and overviews depend on the day (fees in force), so the day is in the key.
  const answer = async (question: string, context: AnswerContext = {}): Promise<Answer> => {
    const snapshot = current
    const day = Math.floor(Date.now() / 86_400_000)
    const key = `${day}\u0000${context.procedureCode ?? ''}\u0000${(context.candidateCodes ?? []).join(',')}\u0000${question}`
    const cached = snapshot.answers.get(key)
    if (cached !== undefined) return cached
    const result = freeze(
      structureAnswer(
        await answerQuestion({
          question,
          context,
          search,
          getProcedure: readProcedure,
          synonyms,
          places,
          expand,
        }),
      ),
    )
    // An answer computed while the index was swapped is returned, not kept.
    if (snapshot === current) snapshot.answers.set(key, result)
    return result
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
    answer,
    refresh,
    size: () => current.index.size,
    close: () => {
      if (timer) clearInterval(timer)
    },
    version: () => current.version,
  }
}
