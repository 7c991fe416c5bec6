/**
 * The knowledge base as the rest of trolyso sees it: search, records, answers. It keeps a
 * MiniSearch index in memory and rebuilds it when the stored procedures change (another
 * process's import included), without a restart.
 * @module
 */
import type { Answer, AnswerContext } from './answer/answer.types.ts'
import type { Db } from './db/client.ts'
import type { Procedure } from './procedures/procedure.types.ts'
import type { SearchOptions, SearchResult } from './search/search.types.ts'

export type KnowledgeBase = {
  /** Ranked procedures for a free-text query (or a procedure code). */
  search: (query: string, options?: SearchOptions) => SearchResult[]
  /** The full stored record, or null. */
  getProcedure: (code: string) => Promise<Procedure | null>
  /** Turns a citizen's question into an answer built only from stored records. */
  answer: (question: string, context?: AnswerContext) => Promise<Answer>
  /** Rebuilds the index if the stored procedures changed since the last build. */
  refresh: () => Promise<boolean>
  /** Number of indexed procedures. */
  size: () => number
  /** Stops the background refresh timer. */
  close: () => void
}

export type CreateKnowledgeBaseOptions = {
  db: Db
  /** Extra abbreviations/synonyms file an admin maintains (JSON, same shape as knowledge/data/synonyms.json). */
  synonymsFile?: string | null
  /** Check for changes every N seconds (0: only on `refresh()`). */
  refreshSeconds?: number
}
