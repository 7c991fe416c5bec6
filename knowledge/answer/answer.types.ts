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

/**
 * `contact`: the citizen asks for a person (hotline, help channels; `handoff` marks it so a
 * channel with live staff can hand the conversation over). `status`: the citizen asks how an
 * application is progressing (where to look it up with the receipt code).
 */
export type AnswerKind = 'answer' | 'clarify' | 'not_found' | 'smalltalk' | 'contact' | 'status'

export const ANSWER_KINDS = ['answer', 'clarify', 'not_found', 'smalltalk', 'contact', 'status'] as const

export type ProcedureRef = { code: string; name: string; url: string | null }

/** One short block of a reply: a heading and its list items (plain NFC text each). */
export type ReplySection = {
  title: string
  items: string[]
  /**
   * Context every answer about a procedure carries (where, online, legal basis, related
   * procedures): shown with the first answer, left out of follow-ups on the same procedure.
   */
  footer?: boolean
}

/**
 * A reply's structure, which every channel renders natively (HTML lists on the page, Telegram
 * HTML, Zalo plain text, Bot Framework Markdown): the answer to what was asked in one or two
 * sentences, a few short sections, the choices offered, and the source line. The procedure's
 * name is not repeated in it: channels show it once, as the heading.
 */
export type StructuredReply = {
  lead: string
  sections: ReplySection[]
  /** Procedures to choose from (`clarify`), or related ones worth naming. */
  choices?: { code: string; label: string }[]
  /** "Nguồn: dichvucong.gov.vn, số liệu tháng 07/2026" and the official page (shown once). */
  source?: { text: string; url: string | null }
}

export type Answer = {
  kind: AnswerKind
  procedure?: ProcedureRef
  facet?: Facet
  /**
   * For `clarify` (at most 4, likeliest first, each with a short `label` showing only the words
   * that decide between them), alternatives for `answer`, and for `not_found` the nearest
   * procedures, offered only as "có thể liên quan".
   */
  candidates?: { code: string; name: string; label?: string }[]
  /** `clarify`: the match was weak, and the reply asks whether one of the options is meant at all. */
  unsure?: true
  /** `contact`: the citizen asked for a person; a channel with live staff may hand the conversation over. */
  handoff?: boolean
  /** `status`: the receipt code the citizen gave, if any. */
  receiptCode?: string
  /** Short structured Vietnamese (NFC), plain text with line breaks; channels format it. */
  text: string
  /** The same reply as structure (lead, sections, choices, source) for channels that render lists natively. */
  reply?: StructuredReply
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
