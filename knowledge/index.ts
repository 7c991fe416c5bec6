/**
 * The knowledge package's import surface: database, procedures, search and answers.
 * @module
 */

export type { Answer, AnswerContext, AnswerKind, Facet, ProcedureRef } from './answer/answer.types.ts'
export { FACETS } from './answer/answer.types.ts'
export { type AnswerQuestionOptions, answerQuestion } from './answer/answer-question.ts'
export { classifyMessage, type MessageClass } from './answer/classify-message.ts'
export { composeAnswer } from './answer/compose-answer.ts'
export { detectFacet, detectFacets } from './answer/detect-facet.ts'
export { type CreateDbOptions, createDb, type Db } from './db/client.ts'
export { migrateDb } from './db/migrate.ts'
export { AppError, AppErrorCode } from './errors.ts'
export { type CreateKnowledgeBaseOptions, createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts'
export { getProcedure } from './procedures/get-procedure.ts'
export {
  type ImportProceduresOptions,
  type ImportSummary,
  importProcedures,
} from './procedures/import-procedures.ts'
export { getKnowledgeBaseVersion, listProcedures } from './procedures/list-procedures.ts'
export type { Procedure, ProcedureInput } from './procedures/procedure.types.ts'
export { ZProcedure } from './procedures/procedure.types.ts'
export { type KbSeed, seedKnowledgeBase } from './procedures/seed-knowledge-base.ts'
export { seedStarterProcedures } from './procedures/seed-starter-procedures.ts'
export { upsertProcedures } from './procedures/upsert-procedures.ts'
export { buildSearchIndex } from './search/build-search-index.ts'
export { expandQuery } from './search/expand-query.ts'
export { loadSynonyms, type Synonyms } from './search/load-synonyms.ts'
export { foldVietnamese, normalizeVietnamese, tokenizeVietnamese } from './search/normalize-vietnamese.ts'
export type { SearchOptions, SearchResult } from './search/search.types.ts'
export { searchProcedures } from './search/search-procedures.ts'
