/**
 * An action said only in the question's purpose clause is what the procedure is wanted for, not the
 * procedure asked for: "xin xác nhận kết quả thi hành án để xóa án tích" asks for the confirmation,
 * "tiền polymer bị cháy muốn đề nghị giám định để đổi" for the appraisal, "thi lại kiến thức pháp luật
 * giao thông để khôi phục điểm" for the test. This holds when the words before "để" name the topic of
 * the best match (a word pair of theirs is in its name); otherwise the purpose may be all the
 * question says of the procedure ("cần giấy tờ gì để đổi bằng lái") and its action stays asked.
 * @module
 */

import { findPurposeClause } from '../search/find-purpose-clause.ts'
import { foldPhrase } from '../search/load-synonyms.ts'
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'

export type SetAsidePurposeOptions = {
  /** The question's tokens (after chat-speak rewriting). */
  tokens: readonly AnalyzedToken[]
  /** Word pairs said before the purpose clause (`ExpandedQuery.headPairs`). */
  headPairs: readonly string[] | undefined
  /** What the question asks for, read from all its words (`actions.ofQuestion`). */
  traits: Traits
  /** The name of the search's best match. */
  name: string | undefined
  actions: ProcedureActions
}

/**
 * @returns the traits with only the actions said outside the purpose clause, when the clause names
 *   actions and the words before it name the best match's topic; else `traits` unchanged
 * @example setAsidePurpose({ tokens, headPairs, traits, name: 'Xác nhận kết quả thi hành án', actions }) // no "hủy, xóa"
 */
export const setAsidePurpose = ({
  tokens,
  headPairs,
  traits,
  name,
  actions,
}: SetAsidePurposeOptions): Traits => {
  if (!headPairs?.length || !name || !traits.actions.size) return traits
  const clause = findPurposeClause(tokens)
  if (!clause) return traits
  if (!actions.ofQuestion(tokens.slice(clause.start + 1, clause.end)).actions.size) return traits
  const folded = ` ${foldPhrase(name)} `
  if (!headPairs.some((p) => folded.includes(` ${p.replace('_', ' ')} `))) return traits
  const outside = actions.ofQuestion([...tokens.slice(0, clause.start), ...tokens.slice(clause.end)])
  return { ...traits, actions: outside.actions }
}
