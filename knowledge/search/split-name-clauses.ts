/**
 * The clauses of a long procedure name: some records list many cases in one name, separated by
 * ";" ("Đăng ký biến động … theo thỏa thuận của các thành viên hộ gia đình …; … theo kết quả
 * giải quyết tranh chấp, khiếu nại, tố cáo về đất đai …; … do xử lý tài sản thế chấp …").
 * A question's words found in different cases of such a name do not describe one procedure.
 * @module
 */
import { normalizeVietnamese, tokenizeNormalized } from './normalize-vietnamese.ts'
import type { DocFacts } from './search-index.types.ts'

/** Clauses counted apart; words of later clauses count with the last. */
const MAX_CLAUSES = 31

const cache = new WeakMap<DocFacts, Uint8Array | null>()

/**
 * The clause of each word of the name (0 for the first), or null when the name has one clause.
 * Read once per procedure and kept beside its facts (which stay unchanged once the index is built).
 * @param facts a procedure's facts as indexed
 * @returns per word of `facts.folded`, the number of its clause; null for a name without ";"
 * @example
 * splitNameClauses(facts) // Uint8Array [0, 0, 0, 1, 1, 2, …] or null
 */
export const splitNameClauses = (facts: DocFacts): Uint8Array | null => {
  const known = cache.get(facts)
  if (known !== undefined) return known
  let clauses: Uint8Array | null = null
  if (facts.name.includes(';')) {
    const parts = normalizeVietnamese(facts.name).split(';')
    const out = new Uint8Array(facts.folded.length)
    let at = 0
    parts.forEach((part, k) => {
      const n = tokenizeNormalized(part).length
      out.fill(Math.min(k, MAX_CLAUSES), at, Math.min(at + n, out.length))
      at += n
    })
    // Only when the clauses line up with the indexed words (they do unless tokenising differs).
    clauses = at === facts.folded.length && parts.length > 1 ? out : null
  }
  cache.set(facts, clauses)
  return clauses
}
