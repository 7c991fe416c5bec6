/**
 * Which part of a procedure the citizen asks about (documents, fees, duration, where,
 * online, …), from cue phrases in the synonyms dictionary ("giấy tờ gì", "bao nhiêu tiền",
 * "mấy ngày", "nộp ở đâu", "qua mạng"). No cue means an overview.
 * @module
 */
import { findCues, rewriteAbbreviations } from '../search/expand-query.ts'
import type { Synonyms } from '../search/load-synonyms.ts'
import { type AnalyzedToken, analyzeText } from '../search/normalize-vietnamese.ts'
import type { Facet } from './answer.types.ts'

export type DetectFacetOptions = {
  /** The message, or its tokens when already analysed. */
  text: string | AnalyzedToken[]
  synonyms: Synonyms
}

/** @returns every facet asked about, in order of appearance, without repeats */
export const detectFacets = ({ text, synonyms }: DetectFacetOptions): Facet[] => {
  const tokens = typeof text === 'string' ? rewriteAbbreviations(analyzeText(text), synonyms) : text
  return [...new Set(findCues(tokens, synonyms))]
}

/** @returns the main facet asked about, `overview` when the message names none */
export const detectFacet = (options: DetectFacetOptions): Facet => detectFacets(options)[0] ?? 'overview'
