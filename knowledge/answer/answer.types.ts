/**
 * What the answering core returns for a citizen's question. Channels render it; they never
 * add facts of their own.
 * @module
 */
import type { PlaceMention } from '../places/place.types.ts'

export { PLACE_KINDS, PLACE_LEVELS, type PlaceMention } from '../places/place.types.ts'
export const FACETS = [
  'documents',
  'fees',
  'duration',
  'where',
  'online',
  'steps',
  'requirements',
  'legal',
  'result',
  'overview',
] as const

export type Facet = (typeof FACETS)[number]

export type AnswerKind = 'answer' | 'clarify' | 'not_found' | 'smalltalk'

export type ProcedureRef = { code: string; name: string; url: string | null }

export type Answer = {
  kind: AnswerKind
  procedure?: ProcedureRef
  facet?: Facet
  /** For `clarify` (at most 5, likeliest first), and alternatives for `answer`. */
  candidates?: { code: string; name: string }[]
  /** Short structured Vietnamese (NFC), plain text with line breaks; channels format it. */
  text: string
  /**
   * Places the question names (`answer` and `clarify` only), old names resolved to today's
   * units after the 2025 reform; the text then carries one "Lưu ý địa bàn" line about those that changed.
   */
  places?: PlaceMention[]
}

/** What the conversation remembers between turns, so "phí bao nhiêu?" follows the last procedure. */
export type AnswerContext = {
  /** The procedure the conversation is about, if any. */
  procedureCode?: string | null
  /** Codes offered in the last clarify question. */
  candidateCodes?: string[]
}
