/**
 * A question that names no action ("cấp thẻ ABTC cho doanh nhân mất bao lâu") is not answered as if
 * sure with a name whose only actions are a second step (cấp lại, cấp đổi, gia hạn, hủy …) when a
 * fitting sibling of the same object (every word of the shorter name's object in the other) does the first one ("Cấp mới thẻ ABTC") or names no action:
 * the search may rank the second step first for a side word ("đi lại" holds "lại"), and the
 * question did not say which was meant, so both are offered.
 * @module
 */

import { isNamedOutright } from '../search/named-outright.ts'
import type { SearchResult } from '../search/search.types.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'
import { shareObject } from './share-object.ts'

/** A sibling scoring further than this below the best one is not looked at. */
export const PLAIN_ACTION_MARGIN = 0.35

export type FindPlainActionOptions = {
  /** The procedure about to be given as the answer. */
  top: SearchResult
  /** One fitting result per procedure (level variants merged), best first. */
  groups: readonly SearchResult[]
  /** What the question asks for (`actions.ofQuestion`). */
  question: Traits
  actions: ProcedureActions
}

/** The name's actions, other than the ones a first issue fits ("cấp mới", "lần đầu"). */
const laterActions = (name: string, actions: ProcedureActions) =>
  [...actions.ofName(name).actions].filter((a) => !actions.fitsMain(a))

/**
 * @returns the fitting siblings doing the first step on the same object (at most one per
 *   procedure, best first) when the question names no action and `top` only a later one; else empty
 * @example findPlainAction({ top: reissue, groups, question, actions }) // [Cấp mới thẻ ABTC]
 */
export const findPlainAction = ({
  top,
  groups,
  question,
  actions,
}: FindPlainActionOptions): SearchResult[] => {
  if (question.actions.size || isNamedOutright(top)) return []
  if (!laterActions(top.name, actions).length) return []
  return groups.filter(
    (g) =>
      g.group !== top.group &&
      !isNamedOutright(g) &&
      top.score - g.score < PLAIN_ACTION_MARGIN &&
      !laterActions(g.name, actions).length &&
      shareObject({ a: top.name, b: g.name, actions, share: 1 }),
  )
}
