/**
 * A procedure done for the sake of another: "Xác nhận về điều kiện diện tích … để đăng ký thường trú
 * vào chỗ ở do thuê …", "Công nhận tổ chức xã hội nghề nghiệp đủ điều kiện cấp chứng chỉ hành nghề
 * hoạt động xây dựng …". Its name holds, after "để" or "đủ điều kiện", the whole name of a procedure
 * the search also found. When every question word it covers beyond that procedure lies in that purpose
 * and none in its own head, the question asks for the procedure served ("nhập hộ khẩu vào nhà chồng"
 * is "Đăng ký thường trú"), not for the step before it; a question naming the head ("xác nhận diện
 * tích nhà ở để đăng ký thường trú") still asks for the step.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { isNamedOutright } from '../search/named-outright.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'

/**
 * Share of the served procedure's words the purpose must hold: nearly all ("cấp mới chứng chỉ hành nghề
 * hoạt động xây dựng" in "cấp chứng chỉ hành nghề hoạt động xây dựng"), so a purpose that shares a few
 * words with a short name ("cấp chứng chỉ hành nghề thú y") serves no such procedure.
 */
const SERVED_WORDS = 0.9
/** Words of a base name that say nothing about its object. */
const FILLER = new Set(['thu', 'tuc'])

/** Words before "đủ điều kiện" that negate it. */
const NOT = new Set(['chưa', 'không'])

/** A name's folded words before its purpose marker (`head`) and after it (`purpose`); null without one. */
type PurposeSplit = { head: ReadonlySet<string>; purpose: ReadonlySet<string> } | null

const splitPurpose = memoize(
  (name): PurposeSplit => {
    // Brackets say what a procedure includes or where it is done, not what it is for.
    const tokens = analyzeText(name.normalize('NFC').toLowerCase().split('(')[0] ?? '')
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]?.text
      const length =
        t === 'để'
          ? 1
          : t === 'đủ' && tokens[i + 1]?.text === 'điều' && tokens[i + 2]?.text === 'kiện'
            ? 3
            : 0
      // "chưa đủ điều kiện", "không đủ điều kiện": for whom the procedure is, not what it serves.
      if (!length || (length === 3 && NOT.has(tokens[i - 1]?.text ?? ''))) continue
      return {
        head: new Set(tokens.slice(0, i).map((w) => w.folded)),
        purpose: new Set(tokens.slice(i + length).map((w) => w.folded)),
      }
    }
    return null
  },
  { maxEntries: 10_000 },
)

/** A base name's words that say something about its object. */
const plainWordsOf = memoize(
  (group): readonly string[] => group.split(' ').filter((w) => w && !FILLER.has(w)),
  {
    maxEntries: 10_000,
  },
)

/** Whether the purpose holds most of the served procedure's words. */
const holds = (purpose: ReadonlySet<string>, plain: readonly string[]): boolean => {
  if (plain.length < 2) return false
  let misses = Math.floor((1 - SERVED_WORDS) * plain.length + 1e-9)
  for (const w of plain) if (!purpose.has(w) && --misses < 0) return false
  return true
}

/** Whether the question words `result` covers and `served` does not all lie in the purpose, none in the head. */
const asksOnlyPurpose = (
  result: SearchResult,
  served: SearchResult,
  split: NonNullable<PurposeSplit>,
): boolean => {
  for (const w of served.uncovered) {
    if (result.uncovered.includes(w)) continue
    if (split.head.has(w) || !split.purpose.has(w)) return false
  }
  return true
}

/**
 * Per found procedure, the words of its base name when it can be served (no code lookup, a base name,
 * no purpose of its own), else null.
 */
const servableOf = (found: readonly SearchResult[]): (readonly string[] | null)[] =>
  found.map((s) => (isNamedOutright(s) || !s.group || splitPurpose(s.name) ? null : plainWordsOf(s.group)))

/**
 * The finder of served procedures for one list of found procedures: their base names are read once,
 * however many of the list's results have a purpose.
 * @returns for a result of the list, the found procedure it serves (its name's purpose holds that
 *   procedure's name, and the question asks nothing of its own head), or null
 */
export const createServedSiblingFinder = (
  found: readonly SearchResult[],
): ((result: SearchResult) => SearchResult | null) => {
  let plains: (readonly string[] | null)[] | null = null
  return (result) => {
    const split = splitPurpose(result.name)
    if (!split) return null
    plains ??= servableOf(found)
    for (let k = 0; k < found.length; k++) {
      const s = found[k] as SearchResult
      const plain = plains[k]
      if (!plain || s === result || s.code === result.code) continue
      if (holds(split.purpose, plain) && asksOnlyPurpose(result, s, split)) return s
    }
    return null
  }
}

/**
 * @returns the found procedure `result` serves (its name's purpose holds that procedure's name, and the
 *   question asks nothing of its own head), or null
 */
export const findServedSibling = (
  result: SearchResult,
  found: readonly SearchResult[],
): SearchResult | null => createServedSiblingFinder(found)(result)
