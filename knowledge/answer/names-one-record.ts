/**
 * A short message that names one procedure in its own words ("bảng kê lâm sản", "phù hiệu xe tải") is
 * about that procedure, even when its word pairs are too rare in the names to count as evidence of
 * public administration (`findAdminEvidence` asks for a pair about two names hold: one name holding an
 * everyday pair is chance). Here one name must hold every word the citizen typed (three at least, each
 * with the marks typed), two of them side by side as typed: chance does not put a whole message into
 * one official name.
 * @module
 */
import type { ExpandedQuery } from '../search/expand-query.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'

/** At least this many words typed (filler aside): two words side by side in one name are chance ("hạnh phúc"). */
export const NAMED_MIN_WORDS = 3
/** At most this many words typed (filler aside): a longer message tells more than a name. */
export const NAMED_MAX_WORDS = 6

/** Below this weight a term is a filler word kept weakly when typed without marks ("di", "ma"): not required. */
const CONTENT_WEIGHT = 0.5

/** A name this short ("Tách hộ") is a term of its own: typed whole, it names its procedure. */
const WHOLE_NAME_WORDS = 2

/** Whether the message types a name of {@link WHOLE_NAME_WORDS} words whole, side by side, with the marks typed. */
const holdsWholeName = (query: ExpandedQuery, name: string): boolean => {
  const words = analyzeText(name)
  if (words.length !== WHOLE_NAME_WORDS) return false
  return query.tokens.some((_, i) =>
    words.every((w, k) => {
      const t = query.tokens[i + k]
      return !!t && t.folded === w.folded && (!t.accented || t.text === w.text) && (k === 0 || !t.clause)
    }),
  )
}

/**
 * @param query the expanded message
 * @param names the names of the best procedures found for it (the first few)
 * @returns whether one of the names holds every content word typed and one typed pair side by side
 * @example namesOneRecord({ query: expandQuery('bang ke lam san', synonyms), names: ['Xác nhận bảng kê lâm sản'] }) === true
 */
export const namesOneRecord = ({
  query,
  names,
}: {
  query: ExpandedQuery
  names: readonly string[]
}): boolean => {
  const typed = query.terms.filter((t) => !t.fromSynonym && t.weight >= CONTENT_WEIGHT)
  if (typed.length > NAMED_MAX_WORDS) return false
  if (names.some((name) => holdsWholeName(query, name))) return true
  if (typed.length < NAMED_MIN_WORDS) return false
  const pairs = new Set<string>()
  for (let i = 1; i < typed.length; i++) pairs.add(`${typed[i - 1]?.folded}_${typed[i]?.folded}`)
  return names.some((name) => {
    const tokens = analyzeText(name)
    const folded = new Set(tokens.map((t) => t.folded))
    const marked = new Set(tokens.map((t) => t.text))
    // typed with marks, a word is that word ("sữa chua" is not "sửa chữa"); without, any of its forms
    if (!typed.every((t) => (t.accented ? marked.has(t.text) : folded.has(t.folded)))) return false
    return tokens.some((t, i) => i > 0 && pairs.has(`${tokens[i - 1]?.folded}_${t.folded}`))
  })
}
