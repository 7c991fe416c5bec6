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

/** "hồ sơ …", "giấy tờ …" opening a message that asks nothing else: the papers for what follows. */
const DOSSIER_OPENINGS = [
  ['ho', 'so'],
  ['giay', 'to'],
]

/** "hồ sơ bị trả lại", "hồ sơ của tôi đã…": about a dossier already filed, not what to bring. */
const STATUS_WORDS = ['bị', 'đã', 'chưa', 'đang', 'của', 'không', 'vẫn', 'này', 'đó', 'mình', 'tôi', 'em']
const STATUS_ACCENTED = new Set(STATUS_WORDS)
/** Typed without marks: "dang" is as likely "đăng (ký)" as "đang", so it does not count. */
const STATUS_FOLDED = new Set(
  STATUS_WORDS.map((w) => analyzeText(w)[0]?.folded ?? w).filter((w) => w !== 'dang'),
)
const isStatusWord = (t: AnalyzedToken | undefined) =>
  t !== undefined && (t.accented ? STATUS_ACCENTED.has(t.text) : STATUS_FOLDED.has(t.folded))

/** @returns the main facet asked about, `overview` when the message names none */
export const detectFacet = (options: DetectFacetOptions): Facet => {
  const tokens =
    typeof options.text === 'string'
      ? rewriteAbbreviations(analyzeText(options.text), options.synonyms)
      : options.text
  const asked = detectFacets({ text: tokens, synonyms: options.synonyms })[0]
  if (asked) return asked
  const opening = tokens.slice(0, 2).map((t) => t.folded)
  return tokens.length > 2 &&
    !isStatusWord(tokens[2]) &&
    DOSSIER_OPENINGS.some(([a, b]) => opening[0] === a && opening[1] === b)
    ? 'documents'
    : 'overview'
}
