/**
 * A procedure named outright — a typed procedure code, a phrase staff taught — is given a score above
 * any the search gives for words, so it comes first and no rule about how its name fits the words
 * moves or doubts it.
 * @module
 */
import type { SearchResult } from './search.types.ts'

/** The score of a procedure named outright: above any search score. */
export const NAMED_SCORE = 1000

/** Whether a result was named outright rather than found by its words. */
export const isNamedOutright = (result: Pick<SearchResult, 'score'>): boolean => result.score >= NAMED_SCORE
