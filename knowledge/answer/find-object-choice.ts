/**
 * A question that asks to choose between two objects ("nên mở công ty hay hộ kinh doanh", "đăng ký
 * khai sinh hay kết hôn trước") is answered by neither procedure alone: the best match holds one side,
 * and answering with it would decide for the citizen. The procedure that holds the other side and does
 * the same thing is offered beside it, and the reply asks which is meant. A choice between two actions
 * is read by settle-choice.ts; this reads the sides' word pairs the procedure names hold.
 * @module
 */

import { pairsOf } from '../search/analyse-procedure-name.ts'
import { foldPhrase } from '../search/load-synonyms.ts'
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import { PAIR_SHARE } from './find-admin-evidence.ts'
import type { ProcedureActions } from './procedure-actions.ts'

/** Words joining the two sides, folded → the marked form they must have when typed with marks. */
const OR = new Map([
  ['hay', 'hay'],
  ['hoac', 'hoặc'],
])
/** Words after "hay" before the second side ("hay là", "hay phải"). */
const OR_TAIL = new Set(['la', 'phai'])
/** Most words of one side read ("đăng ký khai sinh", "hộ kinh doanh"). */
const SIDE_WORDS = 3

export type FindObjectChoiceOptions<R extends { name: string }> = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** The actions the question asks (its fit traits). */
  asked: ReadonlySet<string>
  /** The best match's name. */
  top: string
  /** The other results, best first. */
  others: readonly R[]
  actions: ProcedureActions
  /** Share of the procedure names holding a folded word pair ("khai_sinh"). */
  wordShare: (folded: string) => number
}

/** The folded word pairs of a name. */
const pairsOfName = (name: string): ReadonlySet<string> => new Set(pairsOf(foldPhrase(name).split(' ')))

/** The two sides of the first "X hay Y" in the question, as their word pairs the names hold, each without the other's. */
const readSides = (
  tokens: readonly AnalyzedToken[],
  wordShare: (folded: string) => number,
): [string[], string[]] | null => {
  for (let i = 2; i < tokens.length - 2; i++) {
    const t = tokens[i] as AnalyzedToken
    const marked = OR.get(t.folded)
    if (marked === undefined || (t.accented && t.text.toLowerCase() !== marked)) continue
    let start = i + 1
    while (start < tokens.length && OR_TAIL.has((tokens[start] as AnalyzedToken).folded)) start++
    // "…, hay là …" opens another question; a side ends at a clause break.
    if (t.clause || (tokens[start] as AnalyzedToken | undefined)?.clause) continue
    let from = i - 1
    while (from > Math.max(0, i - SIDE_WORDS) && !(tokens[from] as AnalyzedToken).clause) from--
    let to = start + 1
    while (to < Math.min(tokens.length, start + SIDE_WORDS) && !(tokens[to] as AnalyzedToken).clause) to++
    // (a pair about two names hold names an object of the records; fewer is chance)
    const held = (side: readonly AnalyzedToken[]) =>
      pairsOf(side.map((w) => w.folded)).filter((p) => wordShare(p) >= PAIR_SHARE)
    const left = held(tokens.slice(from, i))
    const right = held(tokens.slice(start, to))
    const leftOnly = left.filter((p) => !right.includes(p))
    const rightOnly = right.filter((p) => !left.includes(p))
    if (leftOnly.length && rightOnly.length) return [leftOnly, rightOnly]
  }
  return null
}

/**
 * @returns the result holding the side of an object choice the best match does not hold, doing what
 *   the best match does; null when the question chooses between no two objects, or the best match
 *   holds both sides or neither, or no result holds the other side
 * @example findObjectChoice({ tokens: tokens of 'nên mở công ty hay hộ kinh doanh', asked, top: 'Đăng ký
 *   thành lập hộ kinh doanh', others, actions, wordShare }) // { name: 'Đăng ký thành lập công ty cổ phần' }
 */
export const findObjectChoice = <R extends { name: string }>({
  tokens,
  asked,
  top,
  others,
  actions,
  wordShare,
}: FindObjectChoiceOptions<R>): R | null => {
  const sides = readSides(tokens, wordShare)
  if (!sides) return null
  const topPairs = pairsOfName(top)
  const holds = (pairs: ReadonlySet<string>, side: readonly string[]) => side.some((p) => pairs.has(p))
  const [left, right] = sides
  const holdsLeft = holds(topPairs, left)
  if (holdsLeft === holds(topPairs, right)) return null
  const [held, other] = holdsLeft ? [left, right] : [right, left]
  const topActions = actions.ofName(top).actions
  return (
    others.find((r) => {
      const pairs = pairsOfName(r.name)
      if (!holds(pairs, other) || holds(pairs, held)) return false
      // It does what the best match does, or what the question asks ("đăng ký tạm trú hay tạm vắng").
      const own = [...actions.ofName(r.name).actions]
      return (
        (topActions.size === own.length && own.every((a) => topActions.has(a))) ||
        (own.length > 0 && own.every((a) => asked.has(a)))
      )
    }) ?? null
  )
}
