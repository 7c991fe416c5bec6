/**
 * The clause of a record's conditions or steps that speaks of something a question asks and the other
 * parts of the record do not answer (a fine, a capital): quoted as written, with the clause before it when
 * it points back at it ("quá thời hạn trên"), so that nothing is said beyond what the record says.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { clipSentences, splitSentences } from './clip-sentences.ts'

/** Words pointing back at what the clause before states ("quá thời hạn trên"). */
const BACK_REFERENCE = /(?:thời hạn|nêu|quy định|trường hợp) trên/iu

/**
 * @returns the first clause of the record's conditions, then steps, that `states` matches (cut at ";"
 *   within a sentence listing cases), or null
 */
export const quoteRecordClause = (procedure: Procedure, states: RegExp): string | null => {
  for (const text of [procedure.requirements ?? '', ...procedure.steps])
    for (const sentence of splitSentences(text)) {
      const clauses = sentence.split(/;\s*/u)
      for (const [i, clause] of clauses.entries()) {
        if (!states.test(clause)) continue
        const before = BACK_REFERENCE.test(clause) && i > 0 ? `${clauses[i - 1]}; ` : ''
        return clipSentences(`${before}${clause.trim()}`, 500).replace(/[.;:]\s*$/u, '')
      }
    }
  return null
}
