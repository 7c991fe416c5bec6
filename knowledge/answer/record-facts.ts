/**
 * What an answer reads from a stored record (where to submit, the documents arranged, the fee
 * and time rows, the steps' time limits, the channels, the legal basis), worked out once per record and kept while the record is: the
 * same procedures are asked about answer after answer, and one reply reads the same facts up to
 * three times (the part asked about, the overview, the footer). Kept by the record object itself,
 * so a record read again after a rebuild of the index is a new object and is worked out afresh.
 * What it returns is shared: callers copy before they change it.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import { type DocumentGroup, describeDocuments } from './describe-documents.ts'
import { describeDurations, describeFees, type FactRow } from './describe-fees.ts'
import { describeLegalBasis } from './describe-legal-basis.ts'
import { describeWhere, type Where } from './describe-where.ts'
import { findStepTimeLimits } from './find-step-time-limits.ts'

export type RecordFacts = {
  readonly where: Where
  readonly documents: { readonly groups: readonly DocumentGroup[]; readonly omitted: number }
  readonly durations: { readonly rows: readonly FactRow[]; readonly unexplained: boolean }
  /** The time limits the steps state (`findStepTimeLimits`), for a record whose time column is empty. */
  readonly stepTimeLimits: readonly string[]
  /** The legal basis as short lines (`describeLegalBasis`). */
  readonly legal: readonly string[]
  /** Channel labels once each, in the record's order. */
  readonly channels: readonly string[]
  /**
   * The folded words of everything the record says (name, conditions, papers, steps, results,
   * channels), padded with spaces: what a short follow-up about it may name (`answer-follow-up.ts`).
   */
  readonly words: string
  /** The same words with their marks (tone-normalised), for a message typed with marks. */
  readonly markedWords: string
  /** The fee rows on `today` (YYYY-MM-DD): a reduced-fee period may have ended since. */
  fees: (today: string) => readonly FactRow[]
}

/** Records with facts kept; past it the kept facts are dropped and worked out again as asked for. */
const MAX_RECORDS = 5000

/** Everything the record says that a follow-up may name: name, conditions, papers, steps, results, channels. */
const allText = (p: Procedure): string =>
  [
    p.name,
    p.requirements ?? '',
    ...p.documents.map((d) => d.name),
    ...p.steps,
    ...p.results,
    ...p.channels.map((c) => `${c.label} ${c.note ?? ''} ${c.feeText ?? ''} ${c.durationText ?? ''}`),
  ].join(' ')

/** The facts read as properties, each worked out from the record by its function. */
type PlainFacts = Omit<RecordFacts, 'fees'>

const PLAIN_FACTS: { [K in keyof PlainFacts]: (p: Procedure) => PlainFacts[K] } = {
  where: describeWhere,
  documents: describeDocuments,
  durations: describeDurations,
  stepTimeLimits: findStepTimeLimits,
  channels: (p) => [...new Set(p.channels.map((c) => c.label))],
  legal: describeLegalBasis,
  // (analysed here rather than through the phrase memo, which is for short phrases, not whole records)
  words: (p) =>
    ` ${analyzeText(allText(p))
      .map((t) => t.folded)
      .join(' ')} `,
  markedWords: (p) =>
    ` ${analyzeText(allText(p))
      .map((t) => t.text)
      .join(' ')} `,
}

const createFacts = (p: Procedure): RecordFacts => {
  let fees: { today: string; rows: readonly FactRow[] } | undefined
  const facts = {
    fees: (today: string) => {
      if (fees?.today !== today) fees = { today, rows: describeFees(p, today) }
      return fees.rows
    },
  }
  // Each plain fact is worked out on its first read, then kept on the object as a read-only value.
  for (const [key, make] of Object.entries(PLAIN_FACTS)) {
    Object.defineProperty(facts, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = make(p)
        Object.defineProperty(facts, key, { value, enumerable: true })
        return value
      },
    })
  }
  return facts as RecordFacts
}

let kept = new WeakMap<Procedure, RecordFacts>()
let keptCount = 0

/** @returns the record's facts, worked out on first use */
export const recordFacts = (p: Procedure): RecordFacts => {
  let facts = kept.get(p)
  if (facts === undefined) {
    if (keptCount >= MAX_RECORDS) {
      kept = new WeakMap()
      keptCount = 0
    }
    facts = createFacts(p)
    kept.set(p, facts)
    keptCount++
  }
  return facts
}
