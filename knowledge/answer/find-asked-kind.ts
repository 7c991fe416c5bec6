/**
 * A question that names the kind of person it is for ("tôi người Hàn, có bằng lái Hàn Quốc, muốn lái
 * ở Việt Nam": a foreigner; "đi nước ngoài lái xe": a citizen going abroad) is not settled by a best
 * match that names no kind, when a procedure for that kind ("Đổi giấy phép lái xe hoặc bằng lái xe của
 * người nước ngoài", "Cấp giấy phép lái xe quốc tế") scores close behind: the reply asks which is meant
 * rather than answer the general one.
 * @module
 */

import type { ProcedureActions, Traits } from './procedure-actions.ts'

/** How far behind the best match the procedure for the asked kind may score. */
export const ASKED_KIND_MARGIN = 0.15

export type FindAskedKindOptions<R extends { name: string; score: number }> = {
  top: R
  /** The fitting procedures, best first (one per group). */
  groups: readonly R[]
  question: Traits
  actions: ProcedureActions
}

/**
 * @returns the procedures close behind the best match that are for a kind of person the question names
 *   while the best match names none of its group
 * @example findAskedKind({ top: 'Cấp giấy phép lái xe', groups, question: traits of 'tôi người Hàn …', actions })
 *   // ['Đổi giấy phép lái xe hoặc bằng lái xe của người nước ngoài']
 */
export const findAskedKind = <R extends { name: string; score: number }>({
  top,
  groups,
  question,
  actions,
}: FindAskedKindOptions<R>): R[] => {
  const topTraits = actions.ofName(top.name)
  const out: R[] = []
  for (const [group, asked] of question.qualifiers) {
    if (topTraits.qualifiers.get(group)?.size) continue
    const rival = groups.find(
      (g) =>
        g !== top &&
        top.score - g.score < ASKED_KIND_MARGIN &&
        [...asked].some((v) => actions.ofName(g.name).qualifiers.get(group)?.has(v)),
    )
    if (rival && !out.includes(rival)) out.push(rival)
  }
  return out
}
